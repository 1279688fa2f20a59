// Which kinds of data have changed: one counter per kind. A query reads the counters of the kinds
// it shows, so saving a reflection re-fetches the lists of reflections and nothing else.
import type { RecordKind } from "../bindings";

/** What a query can depend on: a kind of record, or the person's preferences. */
export type DataKind = RecordKind | "preferences";

/** Every kind of record, for what shows them all (search). */
export const RECORD_KINDS: readonly DataKind[] = [
  "person",
  "project",
  "meeting",
  "action",
  "contribution",
  "reflection",
  "consent",
  "voice",
  "feedback",
  "payment",
];
/** Every kind of data, for what sums everything up (the overview, a report preview). */
export const EVERY_KIND: readonly DataKind[] = [...RECORD_KINDS, "preferences"];

/** Deleting or restoring a record of a kind also deletes or restores records that belong to it. */
const BELONGING: Record<RecordKind, DataKind[]> = {
  person: ["meeting", "action", "consent", "voice", "feedback", "payment"],
  project: ["meeting", "action", "contribution", "reflection", "consent", "voice", "feedback", "payment"],
  meeting: ["action", "contribution", "reflection", "consent", "voice", "feedback", "payment"],
  action: [],
  contribution: ["reflection"],
  reflection: [],
  consent: ["voice"],
  voice: ["feedback"],
  feedback: [],
  payment: [],
};

type Listener = (kinds: ReadonlySet<DataKind>) => Promise<unknown> | void;

class Changes {
  private counts = $state<Record<DataKind, number>>({
    person: 0,
    project: 0,
    meeting: 0,
    action: 0,
    contribution: 0,
    reflection: 0,
    consent: 0,
    voice: 0,
    feedback: 0,
    payment: 0,
    preferences: 0,
  });
  private listeners = new Set<Listener>();

  /** Reads, and so subscribes the running effect to, the counters of these kinds. */
  watch(kinds: readonly DataKind[]) {
    for (const k of kinds) void this.counts[k];
  }

  /** Marks kinds as changed after a save; resolves once the shared lookups are current. */
  saved(...kinds: DataKind[]): Promise<void> {
    return this.bump(new Set(kinds));
  }

  /** Marks a kind, and the kinds whose records belong to it, as changed after a delete or restore. */
  deletedOrRestored(kind: RecordKind): Promise<void> {
    return this.bump(new Set<DataKind>([kind, ...BELONGING[kind]]));
  }

  /** Calls `listener` after every change, with the kinds changed; returns the way to stop. */
  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async bump(kinds: Set<DataKind>) {
    for (const k of kinds) this.counts[k] += 1;
    await Promise.all([...this.listeners].map((l) => l(kinds)));
  }
}

/** The one record of what has changed. */
export const changes = new Changes();
