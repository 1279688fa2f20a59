// What the record screens share: the core's fixed choices, the project list for pickers,
// formatting of minutes and money, the undo offer after a delete, and field errors from the core.
// Everything read from the vault is dropped on lock (see `records.clear`).
import { commands, type Choices, type Contribution, type Deleted, type RecordKind } from "./bindings";
import { AppError, call, messageOf } from "./api";

export type ProjectOption = { value: number; label: string };

class Records {
  choices = $state<Choices | null>(null);
  projects = $state<ProjectOption[]>([]);
  /** The last delete, while it can be undone. */
  undo = $state<{ deleted: Deleted; what: string } | null>(null);
  /** Bumped after any change so open lists and the dashboard reload. */
  version = $state(0);
  /** A form has changes that are not saved yet. */
  dirty = $state(false);

  async load() {
    await Promise.all([this.choices ? null : call(commands.choices()).then((c) => (this.choices = c)), this.loadProjects()]);
  }

  async loadProjects() {
    const page = await call(commands.projectList({ sort: "title", limit: 500 }));
    this.projects = page.items.map((p) => ({ value: p.id, label: p.data.title }));
  }

  changed() {
    this.version += 1;
  }

  async remove(kind: RecordKind, id: number, what: string) {
    const deleted = await call(commands.recordDelete(kind, id));
    this.undo = { deleted, what };
    if (kind === "project") await this.loadProjects();
    this.changed();
  }

  async restore() {
    if (!this.undo) return;
    const { kind, id } = this.undo.deleted;
    await call(commands.recordRestore(kind, id));
    this.undo = null;
    if (kind === "project") await this.loadProjects();
    this.changed();
  }

  clear() {
    this.projects = [];
    this.undo = null;
    this.dirty = false;
  }
}

export const records = new Records();

/** The label of a choice value, or the value itself when unknown. */
export function labelOf<T>(list: { value: T; label: string }[] | undefined, value: T | null | undefined): string {
  return list?.find((c) => c.value === value)?.label ?? String(value ?? "");
}

/** 95 → "1 h 35 min"; 0 → "0 min". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

const pounds = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });

/** 123456 → "£1,234.56". */
export function formatPence(pence: number): string {
  return pounds.format(pence / 100);
}

/** "12.5" or "£12.50" → 1250; "" → 0; anything else → null. */
export function penceFrom(text: string): number | null {
  const t = String(text).trim().replace(/^£/, "").replace(/,/g, "");
  if (t === "") return 0;
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  const [whole, frac = ""] = t.split(".");
  return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
}

/** 1250 → "12.50" for an input box. */
export function poundsText(pence: number): string {
  return (pence / 100).toFixed(2);
}

/** A whole number of minutes typed in a box: "" → 0, otherwise a non-negative integer or null. */
export function minutesFrom(text: string): number | null {
  const t = String(text).trim();
  if (t === "") return 0;
  return /^\d+$/.test(t) ? Number(t) : null;
}

/** Today's date where the person is, `YYYY-MM-DD`. */
export function today(d = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "2025-03-04" → "Tue 4 Mar 2025". */
export function formatDate(date: string | null | undefined): string {
  if (!date) return "";
  const [y, m, d] = date.split("-").map(Number);
  return new Date(y, m - 1, d).toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric" });
}

/** An RFC 3339 moment → "23 November 2026 at 18:30" in local time. */
export function formatMoment(stamp: string | null | undefined): string {
  if (!stamp) return "";
  const d = new Date(stamp);
  if (Number.isNaN(d.getTime())) return stamp;
  const day = d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  const time = d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  return `${day} at ${time}`;
}

/** A size in KiB → "820 KB" or "2.4 MB". */
export function formatKib(kib: number): string {
  return kib < 1024 ? `${kib} KB` : `${(kib / 1024).toFixed(1)} MB`;
}

/** Puts a core error on its field (when it names one) or returns it as a form-level message. */
export function fieldError(e: unknown, errors: Record<string, string>): string | null {
  if (e instanceof AppError && e.code === "invalid_input" && e.field) {
    errors[e.field] = e.message;
    return null;
  }
  return messageOf(e);
}

/** Fee paid to the person plus expenses: what a claim for this contribution asks for. Mirrors
 * `Contribution::claim_pence` in the core, for display only (the core's figures are the facts). */
export function claimPence(c: Contribution): number {
  const payable = c.fee_arrangement === "fee" || c.fee_arrangement === "reduced" || c.fee_arrangement === "voucher";
  return (payable ? c.fee_pence : 0) + c.expenses.reduce((s, x) => s + x.amount_pence, 0);
}

/** Preparation + meeting + travel minutes. */
export function totalMinutes(c: Contribution): number {
  return c.prep_minutes + c.meeting_minutes + c.travel_minutes;
}

/** "1 claim", "3 claims". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** The state of a record form: field errors, a form-level problem, and whether it is saving.
 * Typing in the form marks the app as having unsaved changes until it is saved or left. */
export class FormState {
  constructor() {
    $effect(() => () => {
      records.dirty = false;
    });
  }

  /** For the form element's `oninput`. */
  touched = () => {
    records.dirty = true;
  };

  errors = $state<Record<string, string>>({});
  problem = $state<string | null>(null);
  saving = $state(false);

  /** Clears earlier errors. */
  reset() {
    this.errors = {};
    this.problem = null;
  }

  /** Runs a save: the core's field errors land on their fields, anything else becomes the
   * form's problem. Returns the saved value, or null when it failed. */
  async save<T>(op: () => Promise<T>): Promise<T | null> {
    this.saving = true;
    try {
      const saved = await op();
      records.dirty = false;
      records.changed();
      return saved;
    } catch (e) {
      this.problem = fieldError(e, this.errors);
      return null;
    } finally {
      this.saving = false;
    }
  }
}

/** Keeps what is typed in a form as an encrypted draft in the vault (shortly after each change)
 * and brings it back when the same form opens again, so locking or closing loses nothing.
 * `read` gives the fields to keep; `write` puts kept fields back. Create it while the form is set up. */
export class FormDraft<T> {
  note = $state<string | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly id: string,
    what: string,
    private readonly read: () => T,
    write: (kept: T) => void,
  ) {
    $effect(() => {
      call(commands.draftLoad(this.id))
        .then((draft) => {
          if (!draft) return;
          write(JSON.parse(draft.body) as T);
          this.note = `Your unsaved ${what} was brought back.`;
        })
        .catch(() => {});
      return () => clearTimeout(this.timer);
    });
  }

  /** For the form's `oninput`/`onchange`: saves the draft once typing pauses. */
  keep = () => {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void call(commands.draftSave(this.id, JSON.stringify(this.read()))).catch(() => {});
    }, 400);
  };

  /** Forgets the draft (after saving the record, or when the person cancels). */
  async discard() {
    clearTimeout(this.timer);
    this.note = null;
    await call(commands.draftDelete(this.id)).catch(() => {});
  }
}
