// A calendar invitation (.ics) dropped on the window (or given to the app): it fills a new
// meeting on the Meetings screen, nothing written until the person saves it.
import { commands, type Invitation } from "../bindings";
import { Waiting } from "../data/waiting.svelte";

export const invited = new Waiting<Invitation>(() => commands.invitationPending(), "meetings");
