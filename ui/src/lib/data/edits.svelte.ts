// What the person is changing: whether a form has unsaved typing, and the last delete while it
// can be undone. Deletes and restores go through here so every list that shows the kind reloads.
import { commands, type Deleted, type RecordKind } from "../bindings";
import { call } from "../api";
import { changes } from "./changes.svelte";
import { announce } from "../announce.svelte";

class Edits {
  /** The last delete, while it can be undone. */
  undo = $state<{ deleted: Deleted; what: string } | null>(null);
  /** A form has changes that are not saved yet. */
  dirty = $state(false);

  /** Deletes a record (and what belongs to it) and offers to undo. */
  async remove(kind: RecordKind, id: number, what: string) {
    const deleted = await call(commands.recordDelete(kind, id));
    this.undo = { deleted, what };
    announce(`Deleted ${what}. Undo is at the top of the page.`);
    await changes.deletedOrRestored(kind);
  }

  /** Undoes the last delete. */
  async restore() {
    if (!this.undo) return;
    const { kind, id } = this.undo.deleted;
    await call(commands.recordRestore(kind, id));
    announce(`Brought back ${this.undo.what}.`);
    this.undo = null;
    await changes.deletedOrRestored(kind);
  }

  /** Forgets the undo offer and unsaved state (on lock). */
  clear() {
    this.undo = null;
    this.dirty = false;
  }
}

/** The one edits store. */
export const edits = new Edits();
