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
