// The in-memory stand-in for the exchange commands (identity, contacts, share, Inbox), for UI
// tests and the accessibility build only. Keys, signatures, encryption and the rules of what
// may travel are the core's, tested in Rust on real vaults.
import type { ApiError, CheckedHow, Contact, Decision, IdentityView, InboxEntry, Opened, Origin, Preview, SentFile, ShareRequest } from "../lib/bindings";

export type MockExchange = {
  identity: IdentityView | null;
  contacts: Contact[];
  inbox: InboxEntry[];
  sent: SentFile[];
  /** Records that came in a file, by "kind:id". */
  origins: Record<string, Origin>;
  /** The file "chosen" in the open dialog next: a passphrase file asks for its passphrase. */
  nextFile: "session" | "passphrase";
  chosen: boolean;
  /** A file double-clicked or dropped, waiting to be shown. */
  arrived: boolean;
};

export function newMockExchange(): MockExchange {
  return { identity: null, contacts: [], inbox: [], sent: [], origins: {}, nextFile: "session", chosen: false, arrived: false };
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

type Person = { id: number; name: string };

function opened(x: MockExchange, people: Person[], decision: Decision | null): Opened {
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
      person_id: people.find((p) => p.name === o.sender.name)?.id ?? people[0]?.id ?? null,
      made_at: o.made_at,
      opened_at: new Date().toISOString(),
      decision,
      delete_after: o.delete_after,
      description: o.description,
      words: [
        { uid: "mock-voice-1", who: "Sam Okafor", text: "Leaving hospital was the easy part.", themes: [], touchpoint: "", emotion: null },
        { uid: "mock-voice-2", who: "A carer", text: "Nobody told us who to ring.", themes: [], touchpoint: "", emotion: null },
      ],
      replies_to: null,
    });
  }
  return o;
}

/** Handles an exchange command; `undefined` for a command that is not one. */
/** What a preview lists for each kind (the core's own lines are tested in Rust). */
function previewLines(r: ShareRequest): string[] {
  const w = r.what;
  if (w.kind === "acknowledgement")
    return [
      'An acknowledgement that you received the record of "Workshop 2" (2026-03-12)',
      ...(w.message.trim() ? [`With the message: “${w.message.trim()}”`] : []),
    ];
  if (w.kind === "correction") {
    if (!w.said.trim()) fail("invalid_input", "Write what you said, in your own words.", "said");
    return [
      'A correction to your words in "Workshop 2" on 2026-03-12',
      "Recorded as: “Leaving hospital was the easy part.”",
      `What you said: “${w.said.trim()}”`,
    ];
  }
  if (w.kind === "summary") return [`3 contributions from ${w.from} to ${w.to}`, ...(w.include_money ? ["Fees and expenses claimed are included"] : [])];
  if (w.kind === "consent")
    return [
      w.withdraw
        ? 'Consent withdrawn for "Workshop 2" on 2026-03-12'
        : `Consent for "Workshop 2" on 2026-03-12: quotes ${w.quote ? "yes" : "no"}, naming ${w.named ? "yes" : "no"}, photographs ${w.photo ? "yes" : "no"}, audio ${w.audio ? "yes" : "no"}`,
    ];
  if (w.kind === "feedback") {
    if (r.to_person_ids.length !== 1) fail("invalid_input", '"You said, we did" for one person goes to that person alone.', "to");
    return ['"You said, we did" for Alex Morgan from "Workshop 2" on 2026-03-12', "1 thing they said, 1 item answering them"];
  }
  return [
    'The record of "Workshop 2" on 2026-03-12 (Early psychosis support)',
    "3 agenda items, 1 decision, no priorities, notes for the record: yes",
    "2 people on the register, by name only with consent",
    "1 thing people said that may be quoted",
    '1 "you said, we did" item',
  ];
}

export function handleExchange(x: MockExchange, people: Person[], cmd: string, args: Record<string, any>): unknown {
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
      const person = people.find((p) => p.id === args.personId) ?? fail("not_found", "That person is not in your records any more.");
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
      const reply = r.what.kind === "acknowledgement" || r.what.kind === "correction";
      const to = reply && r.to_person_ids.length === 0 ? [x.inbox[0]?.person_id ?? 0] : r.to_person_ids;
      if (to.length === 0 && !r.passphrase_copy) fail("invalid_input", "Choose who to send it to (a contact, or a passphrase copy).", "to");
      const preview: Preview = {
        payload: null as unknown as Preview["payload"],
        readable_html: "",
        lines: previewLines(r),
        left_out: r.what.kind === "session" ? ["private notes and how heard anyone felt (never shared)"] : [],
      };
      if (cmd === "share_preview") return preview;
      x.sent.unshift({
        envelope_id: `mock-sent-${x.sent.length + 1}`,
        kind: r.what.kind,
        description: reply
          ? `${r.what.kind === "correction" ? "a correction of words in" : "an acknowledgement of the record of"} "Workshop 2" (2026-03-12)`
          : 'the record of "Workshop 2" (2026-03-12)',
        made_at: new Date().toISOString(),
        file_name: "alongside-2026-03-20.alongside",
        passphrase_copy: r.passphrase_copy,
        to: to.map((id) => ({
          person_id: id,
          name: people.find((p) => p.id === id)?.name ?? "Priya Shah",
          acknowledged_on: null,
          message: "",
          corrections: 0,
        })),
      });
      return ["alongside-2026-03-20.alongside", ...(r.passphrase_copy ? ["alongside-2026-03-20.passphrase.alongside"] : [])];
    }
    case "inbox_choose":
      x.chosen = true;
      if (x.nextFile === "passphrase" && !args.passphrase)
        fail("not_addressed", "This file is locked with a passphrase; give the passphrase it was sent with.");
      return opened(x, people, null);
    case "inbox_decide":
      if (!x.chosen) fail("invalid_input", "Choose the file to open first.", "file");
      if (x.nextFile === "passphrase" && args.passphrase !== FILE_PASSPHRASE) fail("not_addressed", "That passphrase does not open this file.");
      if (args.decision) x.chosen = false;
      return opened(x, people, args.decision ?? null);
    case "inbox_pending":
      if (!x.arrived) return null;
      x.arrived = false;
      x.chosen = true;
      return opened(x, people, null);
    case "inbox_list":
      return x.inbox;
    case "sent_list":
      return x.sent;
    case "record_origin":
      return x.origins[`${args.kind}:${args.id}`] ?? null;
    default:
      return undefined;
  }
}
