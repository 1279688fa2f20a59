// Asking before something destructive: `await ask(...)` resolves true when the person confirms.
type Pending = { title: string; text: string; yes: string; no: string; resolve: (ok: boolean) => void };

class Confirmation {
  pending = $state<Pending | null>(null);

  answer(ok: boolean) {
    const p = this.pending;
    this.pending = null;
    p?.resolve(ok);
  }
}

export const confirmation = new Confirmation();

/** Shows the confirmation dialog; true when the person chose `yes`. */
export function ask(title: string, text: string, yes: string, no = "Keep it"): Promise<boolean> {
  confirmation.answer(false);
  return new Promise((resolve) => {
    confirmation.pending = { title, text, yes, no, resolve };
  });
}
