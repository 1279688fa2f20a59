// New passphrases are judged by the core alone: the window asks before sending one, so the
// person hears the core's own reason at the field rather than after a round trip.
import { commands } from "./bindings";
import { call } from "./api";

/** Why the core would refuse this new passphrase, or null when it would accept it. */
export async function newPassphraseProblem(passphrase: string): Promise<string | null> {
  return (await call(commands.passphraseStrength(passphrase))).problem;
}
