// What every record form shares: field errors from the core, saving state, unsaved-changes
// tracking, and an encrypted draft of what is typed.
import { commands } from "../bindings";
import { AppError, call, messageOf } from "../api";
import { changes, type DataKind } from "./changes.svelte";
import { edits } from "./edits.svelte";
import { announce } from "../announce.svelte";

/** Puts a core error on its field (when it names one) or returns it as a form-level message. */
export function fieldError(e: unknown, errors: Record<string, string>): string | null {
  if (e instanceof AppError && e.code === "invalid_input" && e.field) {
    errors[e.field] = e.message;
    return null;
  }
  return messageOf(e);
}

/** The state of a record form: field errors, a form-level problem, and whether it is saving.
 * Typing in the form marks the app as having unsaved changes until it is saved or left. */
export class FormState {
  errors = $state<Record<string, string>>({});
  problem = $state<string | null>(null);
  saving = $state(false);

  /** @param kinds what a save changes, so the lists showing it reload. */
  constructor(private readonly kinds: readonly DataKind[]) {
    $effect(() => () => {
      edits.dirty = false;
    });
  }

  /** For the form element's `oninput`. */
  touched = () => {
    edits.dirty = true;
  };

  /** Clears earlier errors. */
  reset() {
    this.errors = {};
    this.problem = null;
  }

  /** After the form's own checks: true (and the problem said to screen readers) when a field
   * has an error, so the save should stop. */
  refused(): boolean {
    const fields = Object.keys(this.errors).length;
    if (fields === 0) return false;
    announceRefusal(fields);
    return true;
  }

  /** Runs a save: the core's field errors land on their fields, anything else becomes the
   * form's problem. Returns the saved value, or null when it failed. */
  async save<T>(op: () => Promise<T>): Promise<T | null> {
    this.saving = true;
    try {
      const saved = await op();
      edits.dirty = false;
      announce("Saved.");
      await changes.saved(...this.kinds);
      return saved;
    } catch (e) {
      this.problem = fieldError(e, this.errors);
      if (this.problem) announce(this.problem, "assertive");
      else announceRefusal(Object.keys(this.errors).length);
      return null;
    } finally {
      this.saving = false;
    }
  }
}

/** Tells screen readers a save stopped on `fields` answers marked in the form. */
export function announceRefusal(fields: number) {
  announce(fields <= 1 ? "Not saved: one answer needs changing." : `Not saved: ${fields} answers need changing.`, "assertive");
}

/** Keeps a form's fields (one `$state` object) as an encrypted draft in the vault shortly after
 * each change, and brings them back when the same form opens again, so locking or closing loses
 * nothing. A draft that cannot be kept or brought back is said so, never claimed as kept.
 * Create it while the form is set up. */
export class FormDraft<T extends object> {
  /** "Your unsaved … was brought back." */
  note = $state<string | null>(null);
  /** Why the draft could not be kept or brought back. */
  problem = $state<string | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param id the draft's name: the form and the record (`contribution:12`, `meeting:new`).
   * @param what the record in words, for the note.
   * @param fields the form's `$state` fields; a draft is a snapshot of them.
   */
  constructor(
    private readonly id: string,
    what: string,
    private readonly fields: T,
  ) {
    $effect(() => {
      call(commands.draftLoad(this.id))
        .then((draft) => {
          if (!draft) return;
          Object.assign(this.fields, JSON.parse(draft.body) as Partial<T>);
          this.note = `Your unsaved ${what} was brought back.`;
        })
        .catch((e) => (this.problem = `An earlier draft could not be brought back. ${messageOf(e)}`));
      return () => clearTimeout(this.timer);
    });
  }

  /** For the form's `oninput`/`onchange`: saves the draft once typing pauses. */
  keep = () => {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      call(commands.draftSave(this.id, JSON.stringify($state.snapshot(this.fields))))
        .then(() => (this.problem = null))
        .catch((e) => (this.problem = `What you typed is not kept as a draft yet. ${messageOf(e)}`));
    }, 400);
  };

  /** Forgets the draft (after saving the record, or when the person cancels). A draft that cannot
   * be deleted is reported; the record itself is already saved. */
  async discard() {
    clearTimeout(this.timer);
    this.note = null;
    try {
      await call(commands.draftDelete(this.id));
    } catch (e) {
      this.problem = `An old draft of this form is still kept. ${messageOf(e)}`;
    }
  }
}
