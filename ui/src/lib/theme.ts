// Applies the person's look: light, dark or high-contrast colours (their choice, or the system's
// light/dark and "more contrast" as they change) and a text size up to twice the normal.
import type { TextSize, Theme } from "./bindings";

/** The colours the page is drawn in (the `data-theme` of the root element). */
export type AppliedTheme = "light" | "dark" | "high-contrast";

/** Text sizes as a share of the normal size. */
export const TEXT_SCALE: Record<TextSize, number> = { normal: 1, large: 1.125, larger: 1.25, very_large: 1.5, double: 2 };

export function applyTheme(choice: Theme = "system", root: HTMLElement = document.documentElement) {
  const dark = window.matchMedia?.("(prefers-color-scheme: dark)");
  const more = window.matchMedia?.("(prefers-contrast: more)");
  const set = () => {
    const applied: AppliedTheme =
      choice === "high_contrast" ? "high-contrast" : choice === "system" ? (more?.matches ? "high-contrast" : dark?.matches ? "dark" : "light") : choice;
    root.dataset.theme = applied;
  };
  set();
  dark?.addEventListener?.("change", set);
  more?.addEventListener?.("change", set);
  return () => {
    dark?.removeEventListener?.("change", set);
    more?.removeEventListener?.("change", set);
  };
}

let stopFollowing: (() => void) | null = null;

/** Applies the person's saved look: theme and text size (replacing any earlier choice). */
export function applyLook(theme: Theme, textSize: TextSize, root: HTMLElement = document.documentElement) {
  stopFollowing?.();
  stopFollowing = applyTheme(theme, root);
  const scale = TEXT_SCALE[textSize] ?? 1;
  root.style.fontSize = scale === 1 ? "" : `${scale * 100}%`;
  root.dataset.textSize = textSize;
}
