// The mock's attached files: descriptions and previews only (the real bytes and their
// encryption are tested in Rust against the real database).
import type { ApiError, Attachment, AttachmentTotals, RecordKind } from "../lib/bindings";

/** A 2×2 PNG (grey and white squares), the preview of the seeded receipt. */
const PREVIEW = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGNoaGhgYGBgYGBgYGBgAAAMGAGBYv2eaQAAAABJRU5ErkJggg==";

export type MockAttachments = { files: (Attachment & { deleted: boolean })[]; nextId: number; droppedWaiting: boolean };

export function newMockAttachments(): MockAttachments {
  return { files: [], nextId: 1, droppedWaiting: false };
}

function fail(code: ApiError["code"], message: string, field: string | null = null): never {
  throw { code, message, field } satisfies ApiError;
}

function add(m: MockAttachments, kind: RecordKind, ownerId: number, name: string, size: number, image: boolean): Attachment {
  const file = {
    id: m.nextId++,
    uid: `0192e0a0-0000-7000-8000-${String(m.nextId).padStart(12, "0")}`,
    owner_kind: kind,
    owner_id: ownerId,
    expense_uid: null as string | null,
    name,
    media_type: image ? "image/jpeg" : "application/pdf",
    size,
    sha256: "0".repeat(64),
    has_preview: image,
    width: image ? 3024 : null,
    height: image ? 4032 : null,
    metadata_removed: image,
    location_removed: image,
    created_at: new Date().toISOString(),
    deleted: false,
  };
  m.files.push(file);
  return file;
}

/** A receipt photo on `contributionId` (for the seeded records). */
export function seedAttachments(m: MockAttachments, contributionId: number) {
  add(m, "contribution", contributionId, "Train ticket.jpg", 1_840_000, true);
  add(m, "contribution", contributionId, "Travel claim form.pdf", 96_000, false);
}

const live = (m: MockAttachments) => m.files.filter((f) => !f.deleted);
const strip = ({ deleted: _, ...f }: Attachment & { deleted: boolean }): Attachment => f;

/** Answers the attachment commands; `undefined` for any other command. */
export function handleAttachments(m: MockAttachments, cmd: string, args: Record<string, any>): unknown {
  const find = () => live(m).find((f) => f.id === args.id) ?? fail("not_found", "That attachment is not in your records any more; it may have been removed.");
  switch (cmd) {
    case "attachment_list":
      return live(m)
        .filter((f) => f.owner_kind === args.ownerKind && f.owner_id === args.ownerId)
        .map(strip);
    case "attachment_choose":
      return [strip(add(m, args.ownerKind, args.ownerId, "Parking receipt.jpg", 640_000, true) as Attachment & { deleted: boolean })];
    case "attachment_drop_target":
      return null;
    case "attachment_dropped":
      if (!m.droppedWaiting) return [];
      m.droppedWaiting = false;
      return [add(m, args.ownerKind, args.ownerId, "Minutes.pdf", 210_000, false)];
    case "attachment_paste":
      if ((args.bytes as number[]).length > 50 * 1024 * 1024) fail("invalid_input", "Files up to 50 MB can be attached. Nothing was added.", "file");
      return add(m, args.ownerKind, args.ownerId, args.name, (args.bytes as number[]).length, true);
    case "attachment_preview":
      return find().has_preview ? PREVIEW : null;
    case "attachment_save":
      return find().name;
    case "attachment_detach":
      find().deleted = true;
      return { id: args.id, undo_seconds: 600 };
    case "attachment_for_expense": {
      const file = find();
      file.expense_uid = args.expenseUid ?? null;
      return strip(file);
    }
    case "attachment_undo": {
      const file =
        m.files.find((f) => f.id === args.id && f.deleted) ?? fail("not_found", "That attachment cannot be brought back: the time to undo has passed.");
      file.deleted = false;
      return null;
    }
    case "attachment_totals": {
      const files = live(m);
      return { count: files.length, bytes: files.reduce((n, f) => n + f.size, 0) } satisfies AttachmentTotals;
    }
    default:
      return undefined;
  }
}
