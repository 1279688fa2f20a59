// The in-memory stand-in for the exchange commands (identity, contacts, share, Inbox), for UI
// tests and the accessibility build only. Keys, signatures, encryption and the rules of what
// may travel are the core's, tested in Rust on real vaults.
import type { ApiError, CheckedHow, Contact, Decision, IdentityView, InboxEntry, Opened, Preview, ShareRequest } from "../lib/bindings";

export type MockExchange = {
  identity: IdentityView | null;
  contacts: Contact[];
  inbox: InboxEntry[];
  /** The file "chosen" in the open dialog next: a passphrase file asks for its passphrase. */
  nextFile: "session" | "passphrase";
  chosen: boolean;
  /** A file double-clicked or dropped, waiting to be shown. */
  arrived: boolean;
};

export function newMockExchange(): MockExchange {
  return { identity: null, contacts: [], inbox: [], nextFile: "session", chosen: false, arrived: false };
}

const CODE = "1324 4922 9836 2380 0281 2457";
const THEIR_CODE = "0416 3846 9915 9847 0091 6757";
const IDENTITY_TEXT = "alongside-identity-1:eyJuYW1lIjoiU2FtIiwicm9sZSI6IiIsInNpZ25pbmdfa2V5IjoiQUFBQSIsImVuY3J5cHRpb25fa2V5IjoiYWdlMXh5eiJ9";
const FILE_PASSPHRASE = "tangerine otter flies sideways";
/** A stand-in QR pattern (the core draws the real one from the identity text). */
const QR = Array.from({ length: 21 }, (_, y) => Array.from({ length: 21 }, (_, x) => ((x * 7 + y * 3 + x * y) % 5 < 2 ? "1" : "0")).join(""));

function fail(code: ApiError["code"], message: string, field: string | null = null): never {
  throw { code, message, field } satisfies ApiError;
}

function opened(x: MockExchange, decision: Decision | null): Opened {
  const before = x.inbox.find((e) => e.envelope_id === "mock-envelope");
  const o: Opened = {
    envelope_id: "mock-envelope",
    kind: "session",
    description: 'the record of "Workshop 2" (2026-03-12)',
    sender: { name: "Priya Shah", role: "project lead", signing_key: "AAAA", encryption_key: "age1xyz" },
    sender_code: THEIR_CODE,
    trust: { trust: "checked", person: "Priya Shah", how: "phone", on: "2026-03-01" },
    made_at: "2026-03-20T10:00:00Z",
    delete_after: "2027-03-31",
    by_passphrase: x.nextFile === "passphrase",
    changes: [
      'Add the record of "Workshop 2" (2026-03-12) from Priya Shah, read-only',
      'Add 2 "you said, we did" items to "Workshop 2" (2026-03-12)',
      'Add 2 "you said, we did" items to the feedback of your contribution of 2026-03-12',
    ],
    decision: before ? null : decision,
    opened_before: before ? [before.opened_at.slice(0, 10), before.decision] : null,
    readable_html: '<!DOCTYPE html><html lang="en-GB"><head><title>Session record</title></head><body></body></html>',
  };
  if (!before && decision) {
    x.inbox.unshift({
      id: x.inbox.length + 1,
      envelope_id: o.envelope_id,
      kind: o.kind,
      sender_name: o.sender.name,
      person_id: null,
      made_at: o.made_at,
      opened_at: new Date().toISOString(),
      decision,
      delete_after: o.delete_after,
    });
  }
  return o;
}

/** Handles an exchange command; `undefined` for a command that is not one. */
export function handleExchange(x: MockExchange, people: { id: number; name: string }[], cmd: string, args: Record<string, any>): unknown {
  switch (cmd) {
    case "identity_get":
      return x.identity;
    case "identity_set_up": {
      if (!String(args.name ?? "").trim()) fail("invalid_input", "Add your name.", "name");
      x.identity = {
        public: { name: args.name.trim(), role: String(args.role ?? "").trim(), signing_key: "AAAA", encryption_key: "age1abc" },
        sharing_code: CODE,
        text: IDENTITY_TEXT,
        qr: QR,
      };
      return x.identity;
    }
    case "identity_save":
      return `${x.identity?.public.name ?? "me"}.alongside-id`;
    case "contacts_list":
      return x.contacts;
    case "contact_add": {
      if (
        !String(args.text ?? "")
          .trim()
          .startsWith("alongside-identity-1:")
      )
        fail("invalid_input", 'That is not an Alongside identity: it should start "alongside-identity-1:".', "identity");
      const person = people.find((p) => p.id === args.personId) ?? fail("not_found", "That person is not in the vault any more.");
      const checked = args.checked as CheckedHow;
      const c: Contact = {
        person_id: person.id,
        person_name: person.name,
        identity: { name: person.name, role: "", signing_key: "BBBB", encryption_key: "age1def" },
        fingerprint: `fp${person.id}`,
        sharing_code: THEIR_CODE,
        checked_how: checked,
        checked_on: checked === "not_checked" ? null : "2026-03-01",
      };
      x.contacts = [...x.contacts.filter((k) => k.person_id !== person.id), c];
      return c;
    }
    case "share_preview":
    case "share_save": {
      if (!x.identity) fail("invalid_input", "Set up your sharing identity first: give the name others know you by.", "identity");
      const r = args.request as ShareRequest;
      if (r.to_person_ids.length === 0 && !r.passphrase_copy) fail("invalid_input", "Choose who to send it to (a contact, or a passphrase copy).", "to");
      const preview: Preview = {
        payload: null as unknown as Preview["payload"],
        readable_html: "",
        lines: [
          'The record of "Workshop 2" on 2026-03-12 (Early psychosis support)',
          "3 agenda items, 1 decisions, 0 priorities, notes for the record: yes",
          "2 people on the register, by name only with consent",
          "1 things people said that may be quoted",
          '1 "you said, we did" items',
        ],
        left_out: ["private notes and how heard anyone felt (never shared)"],
      };
      if (cmd === "share_preview") return preview;
      return ["alongside-2026-03-20.alongside", ...(r.passphrase_copy ? ["alongside-2026-03-20.passphrase.alongside"] : [])];
    }
    case "inbox_choose":
      x.chosen = true;
      if (x.nextFile === "passphrase" && !args.passphrase)
        fail("not_addressed", "This file is locked with a passphrase; give the passphrase it was sent with.");
      return opened(x, null);
    case "inbox_decide":
      if (!x.chosen) fail("invalid_input", "Choose the file to open first.", "file");
      if (x.nextFile === "passphrase" && args.passphrase !== FILE_PASSPHRASE) fail("not_addressed", "That passphrase does not open this file.");
      if (args.decision) x.chosen = false;
      return opened(x, args.decision ?? null);
    case "inbox_pending":
      if (!x.arrived) return null;
      x.arrived = false;
      x.chosen = true;
      return opened(x, null);
    case "inbox_list":
      return x.inbox;
    default:
      return undefined;
  }
}
