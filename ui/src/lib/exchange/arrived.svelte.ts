// A file that arrived outside the Inbox's own "Open a file…": given when the app started (a
// double-click on an .alongside file), by a second start, or dropped on the window. The shell
// keeps it; once the vault is open it is shown on the Sharing page, nothing changed yet.
import { commands, type Opened } from "../bindings";
import { call } from "../api";
import { session } from "../session.svelte";

class Arrived {
  /** The file as opened (who sent it, what it would change), waiting for the Sharing page. */
  opened = $state<Opened | null>(null);
  /** Why it could not be shown (a passphrase is needed, it is damaged…). */
  error = $state<unknown>(null);

  /** Asks the shell for a file that arrived; shows the Sharing page when there is one. */
  async check() {
    try {
      const opened = await call(commands.inboxPending(null));
      if (!opened) return;
      this.opened = opened;
    } catch (e) {
      this.error = e;
    }
    session.screen = "sharing";
  }
}

export const arrived = new Arrived();
