// Moments of the page's start (milliseconds since the web view began loading it), sent to the
// shell with `appShown` once the overview is drawn, so `make bench` can tell where start-up goes.
import { tick } from "svelte";
import { commands, type PageTimes } from "./bindings";

export const startupTimes: PageTimes = { script_ms: -1, status_ms: -1, dashboard_ms: -1, drawn_ms: -1 };

/** Notes a moment, the first time only. */
export function markStartup(moment: keyof PageTimes) {
  const noted = startupTimes[moment];
  if (noted === null || noted < 0) startupTimes[moment] = performance.now();
}

let shown = false;

/** Called when the overview has its data: notes the moment, waits for the drawing to reach the
 * screen, and tells the shell — once per start of the app; later refreshes stay quiet. */
export function overviewReady() {
  if (shown) return;
  shown = true;
  markStartup("dashboard_ms");
  void tick().then(() =>
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        markStartup("drawn_ms");
        // Only `make bench` reads this timing; when the window is already gone (or a test has
        // finished), there is nobody to tell and nothing to show.
        commands.appShown(startupTimes).catch(() => undefined);
      }),
    ),
  );
}
