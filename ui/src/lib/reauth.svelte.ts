// Asking for the passphrase or recovery code again before a dangerous act (a backup, the
// keyring, "never lock", a new recovery code, a new key, replacing or deleting everything).
// `withProof(...)` opens the one dialog, which checks the secret with the core (a wrong one is
// shown on its field), then runs the act with it; the core checks it again. Resolves with the
// act's result, or null when the person cancels (or Alongside locks meanwhile).
import { commands, type Proof } from "./bindings";
import { AppError, call } from "./api";

type Pending = {
  title: string;
  text: string;
  yes: string;
  passphraseOnly: boolean;
  resolve: (proof: Proof | null) => void;
};

class Reauth {
  pending = $state<Pending | null>(null);

  /** Checks the typed secret; returns the message to show when it is wrong. */
  async attempt(proof: Proof): Promise<string | null> {
    const p = this.pending;
    if (!p) return null;
    try {
      await call(commands.vaultConfirm(proof));
    } catch (e) {
      if (e instanceof AppError && (e.code === "wrong_passphrase" || e.code === "reauth_required")) return e.message;
      throw e;
    }
    if (this.pending === p) this.pending = null;
    p.resolve(proof);
    return null;
  }

  /** Closes the dialog without acting (the person cancelled, or the vault locked). */
  cancel() {
    const p = this.pending;
    this.pending = null;
    p?.resolve(null);
  }
}

export const reauth = new Reauth();

/** Asks for the passphrase (or recovery code) and runs `act` with it; null when cancelled. */
export async function withProof<T>(
  title: string,
  text: string,
  act: (proof: Proof) => Promise<T>,
  options: { yes?: string; passphraseOnly?: boolean } = {},
): Promise<T | null> {
  reauth.cancel();
  const proof = await new Promise<Proof | null>((resolve) => {
    reauth.pending = {
      title,
      text,
      yes: options.yes ?? "Confirm",
      passphraseOnly: options.passphraseOnly ?? false,
      resolve,
    };
  });
  return proof ? act(proof) : null;
}
