// A backup double-clicked, given to the app or dropped on the window: offered in Settings →
// Restore (or on the first screen when there are no records yet), nothing restored yet.
import { commands, type BackupInfo } from "../bindings";
import { Waiting } from "../data/waiting.svelte";

export const restoring = new Waiting<BackupInfo>(() => commands.backupPending(), "settings");
