// A list read from the core a page at a time: the filter comes from the screen, the page from the
// `Pager`. Changing the filter goes back to the first page.
import type { Page } from "../bindings";
import { Query, type QueryOptions } from "./query.svelte";

/** Where a page starts and how long it is. */
export type PageWindow = { offset: number; limit: number };

/** A paged list. Create it while a component is set up. */
export class PagedList<F extends object, T> {
  readonly pageSize: number;
  private readonly query: Query<F & PageWindow, Page<T>>;
  /** The page asked for, and the filter it was asked for under. */
  private page = $state({ filter: "", offset: 0 });
  /** The filter in force (as JSON). */
  private filterKey = $state("");

  /**
   * @param filter what to list, read reactively; `null` lists nothing.
   * @param load asks the core for one page.
   */
  constructor(filter: () => F | null, load: (query: F & PageWindow) => Promise<Page<T>>, options: QueryOptions & { pageSize: number }) {
    this.pageSize = options.pageSize;
    this.query = new Query(
      () => {
        const f = filter();
        if (f === null) return null;
        const key = JSON.stringify(f);
        this.filterKey = key;
        const offset = this.page.filter === key ? this.page.offset : 0;
        return { ...f, offset, limit: this.pageSize };
      },
      load,
      options,
    );
  }

  /** Records skipped before this page. */
  get offset(): number {
    return this.page.filter === this.filterKey ? this.page.offset : 0;
  }
  /** The records on this page. */
  get items(): T[] {
    return this.query.data?.items ?? [];
  }
  /** Whether another page follows. */
  get hasMore(): boolean {
    return this.query.data?.has_more ?? false;
  }
  /** Whether the first answer has arrived. */
  get loaded(): boolean {
    return this.query.loaded;
  }
  get loading(): boolean {
    return this.query.loading;
  }
  /** A message for the person when loading failed. */
  get error(): string | null {
    return this.query.error;
  }
  /** Whether there is a page before this one. */
  get hasPrevious(): boolean {
    return this.offset > 0;
  }

  next() {
    if (this.hasMore) this.page = { filter: this.filterKey, offset: this.offset + this.pageSize };
  }
  previous() {
    this.page = { filter: this.filterKey, offset: Math.max(0, this.offset - this.pageSize) };
  }
}
