// How the auto-lock choice is put into words, everywhere it is shown.

/** "after 5 minutes without use", or "never" when auto-lock is off. */
export function describeAutoLock(minutes: number | null | undefined): string {
  if (minutes == null) return "never";
  return `after ${minutes} minute${minutes === 1 ? "" : "s"} without use`;
}
