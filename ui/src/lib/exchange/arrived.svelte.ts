// An .alongside file that arrived outside the Inbox's own "Open a file…" (a double-click, a
// second start, dropped on the window): shown on the Sharing page, nothing changed yet.
import { commands, type Opened } from "../bindings";
import { Waiting } from "../data/waiting.svelte";

export const arrived = new Waiting<Opened>(() => commands.inboxPending(null), "sharing");
