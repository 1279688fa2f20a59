// A spreadsheet or Alongside export dropped on the window (or given to the app): shown in
// Settings → Import, nothing written yet.
import { commands, type ImportChoice } from "../bindings";
import { Waiting } from "../data/waiting.svelte";

export const importing = new Waiting<ImportChoice>(() => commands.importPending(), "settings");
