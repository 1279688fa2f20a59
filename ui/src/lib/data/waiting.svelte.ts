// A file that arrived outside a screen's own "Choose…": given when the app started (a
// double-click), by a second start, or dropped on the window. The shell keeps it; once the
// records are open it is read and the screen that handles it is shown, nothing changed yet.
import { call, type Result } from "../api";
import { session, type Screen } from "../session.svelte";

export class Waiting<T> {
  /** The file as read, waiting for its screen. */
  value = $state<T | null>(null);
  /** Why it could not be read (a passphrase is needed, it is damaged…). */
  error = $state<unknown>(null);

  /**
   * @param pending asks the shell for a waiting file (null when none).
   * @param screen where it is handled.
   */
  constructor(
    private readonly pending: () => Promise<Result<T | null>>,
    private readonly screen: Screen,
  ) {}

  /** Asks the shell for a file that arrived; shows its screen when there is one. */
  async check() {
    try {
      const value = await call(this.pending());
      if (!value) return;
      this.value = value;
    } catch (e) {
      this.error = e;
    }
    session.screen = this.screen;
  }
}
