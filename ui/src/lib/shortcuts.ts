// The app's keyboard shortcuts, in one list: the window's key handlers act on it and
// Settings → Keyboard shows it, so what is listed is what works.

/** What a shortcut does (the handlers switch on it). */
export type ShortcutId = "lock" | "search" | "newContribution" | "newMeeting" | "settings" | "close";

export type Shortcut = {
  id: ShortcutId;
  /** The keys as people read them. */
  keys: string;
  /** What it does, in a few words. */
  does: string;
  /** The key (as `KeyboardEvent.key`, lower case) and whether Shift is held; none for Escape,
   * which the dialogs handle themselves. */
  key?: string;
  shift?: boolean;
};

export const SHORTCUTS: readonly Shortcut[] = [
  { id: "newContribution", keys: "Ctrl+N", does: "Log a new contribution", key: "n" },
  { id: "newMeeting", keys: "Ctrl+Shift+M", does: "Plan a new meeting", key: "m", shift: true },
  { id: "search", keys: "Ctrl+K", does: "Search everything", key: "k" },
  { id: "settings", keys: "Ctrl+,", does: "Open Settings", key: "," },
  { id: "lock", keys: "Ctrl+L", does: "Lock Alongside now", key: "l" },
  { id: "close", keys: "Escape", does: "Close a question or dialog without answering" },
];

/** The shortcut a key press asks for, if any (Ctrl, or Cmd on a Mac). */
export function shortcutOf(e: KeyboardEvent): ShortcutId | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  return SHORTCUTS.find((s) => s.key === key && !!s.shift === e.shiftKey)?.id ?? null;
}
