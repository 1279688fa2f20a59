// A value read from the core that keeps itself current: it loads when its arguments change or
// when a kind of data it shows changes, optionally after typing pauses, and owns its loading and
// error state. Answers that arrive after a newer request are dropped.
import { untrack } from "svelte";
import { messageOf } from "../api";
import { changes, type DataKind } from "./changes.svelte";

/** How a query loads. */
export type QueryOptions = {
  /** The kinds of data the answer shows: a change to any of them loads it again. */
  kinds: readonly DataKind[];
  /** Wait this long after the arguments last changed (for search boxes). */
  debounceMs?: number;
};

/** One value from the core. Create it while a component is set up. */
export class Query<A, T> {
  /** The latest answer (kept while the next one loads, so lists do not flash empty). */
  data = $state<T | undefined>(undefined);
  /** Whether a request is on its way. */
  loading = $state(false);
  /** A message for the person when the last request failed. */
  error = $state<string | null>(null);
  /** The last request's thrown error, for screens that put the core's field errors on fields. */
  failure = $state<unknown>(null);
  /** Whether any answer has arrived since the arguments last became available. */
  loaded = $state(false);
  private latest = 0;
  /** Bumped by `reload`. */
  private asked = $state(0);

  /**
   * @param args the arguments, read reactively; `null` means "nothing to load" (clears the data).
   * @param load asks the core; never called with stale arguments.
   */
  constructor(args: () => A | null, load: (args: A) => Promise<T>, options: QueryOptions) {
    $effect(() => {
      void this.asked;
      changes.watch(options.kinds);
      const a = args();
      const ticket = ++this.latest;
      if (a === null) {
        untrack(() => {
          this.data = undefined;
          this.loaded = false;
          this.loading = false;
          this.error = null;
          this.failure = null;
        });
        return;
      }
      const run = () => this.fetch(ticket, a, load);
      if (!options.debounceMs) {
        untrack(run);
        return;
      }
      const timer = setTimeout(run, options.debounceMs);
      return () => clearTimeout(timer);
    });
  }

  /** Loads again now (for what no record kind covers, such as the last backup). */
  reload() {
    this.asked += 1;
  }

  private async fetch(ticket: number, a: A, load: (args: A) => Promise<T>) {
    this.loading = true;
    try {
      const value = await load(a);
      if (ticket !== this.latest) return;
      this.data = value;
      this.error = null;
      this.failure = null;
      this.loaded = true;
    } catch (e) {
      if (ticket !== this.latest) return;
      this.error = messageOf(e);
      this.failure = e;
    } finally {
      if (ticket === this.latest) this.loading = false;
    }
  }
}
