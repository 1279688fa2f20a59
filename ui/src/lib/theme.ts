// Applies the light or dark theme: the user's choice when there is one, else the system's,
// following the system as it changes.
export type ThemeChoice = "light" | "dark" | "system";

export function applyTheme(choice: ThemeChoice = "system", root: HTMLElement = document.documentElement) {
  const query = window.matchMedia?.("(prefers-color-scheme: dark)");
  const set = () => {
    root.dataset.theme = choice === "system" ? (query?.matches ? "dark" : "light") : choice;
  };
  set();
  query?.addEventListener?.("change", set);
  return () => query?.removeEventListener?.("change", set);
}

let stopFollowing: (() => void) | null = null;

/** Applies the person's saved look: theme and text size (replacing any earlier choice). */
export function applyLook(theme: ThemeChoice, textSize: "normal" | "large" | "larger", root: HTMLElement = document.documentElement) {
  stopFollowing?.();
  stopFollowing = applyTheme(theme, root);
  root.style.fontSize = textSize === "larger" ? "125%" : textSize === "large" ? "112.5%" : "";
}
