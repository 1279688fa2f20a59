// Moments of the page's start (milliseconds since the web view began loading it), sent to the
// shell with `appShown` once the overview is drawn, so `make bench` can tell where start-up goes.
import type { PageTimes } from "./bindings";

export const startupTimes: PageTimes = { script_ms: -1, status_ms: -1, dashboard_ms: -1, drawn_ms: -1 };

/** Notes a moment, the first time only. */
export function markStartup(moment: keyof PageTimes) {
  const noted = startupTimes[moment];
  if (noted === null || noted < 0) startupTimes[moment] = performance.now();
}
