// How the auto-lock choice is put into words, everywhere it is shown.
import { t } from "./words.svelte";

/** "after 5 minutes without use", or "never" when auto-lock is off. */
export function describeAutoLock(minutes: number | null | undefined): string {
  if (minutes == null) return t("autolock-never");
  return t("autolock-after", { n: minutes });
}
