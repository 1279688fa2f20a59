// The in-memory stand-in for the record commands, for UI tests and the accessibility build only.
// Rules (validation, sums, search ranking) are the core's and are tested in Rust on the real
// encrypted database; this keeps just enough behaviour for the screens to be exercised.
import type { ApiError, ClaimDetails, Dashboard, LastBackup, Preferences, Stored } from "../lib/bindings";
import choices from "./choices.json";
import reports from "./reports.json";
import { newMockExchange, type MockExchange } from "./exchange";
import { newMockAttachments, seedAttachments, type MockAttachments } from "./attachments";

type Kind = "person" | "project" | "meeting" | "action" | "contribution" | "reflection" | "consent" | "voice" | "feedback" | "payment";
type Row = Stored<any> & { deleted?: boolean };

export type MockRecords = {
  rows: Record<Kind, Row[]>;
  nextId: number;
  prefs: Preferences;
  drafts: Map<string, string>;
  lastBackup: LastBackup | null;
  /** One-time notices pending (the seeded vault was "upgraded" with notes). */
  notices: string[];
  /** Sharing identity, contacts and Inbox. */
  exchange: MockExchange;
  /** Attached files. */
  attachments: MockAttachments;
  /** The saved claim details (one organisation in the mock). */
  claimDetails?: ClaimDetails;
};

const DEFAULT_PREFS: Preferences = {
  theme: "system",
  text_size: "normal",
  weekly_thresholds: [],
  tax_year_start_month: 4,
  tax_year_start_day: 6,
  assessment_start_day: 1,
  reminders: { meeting_tomorrow: true, action_due: true, claim_unpaid: true, feedback_due: true, participant_unpaid: true, feedback_waiting: true },
  mileage_rates: [],
  export_include_private: false,
  export_show_names: false,
  export_leave_out_money: false,
  backup_reminder_days: 30,
  weekly_minutes_limit: null,
  paused_until: null,
  feedback_wait_weeks: 6,
  language: "en-GB",
  easy_read: false,
};

export function newMockRecords(): MockRecords {
  return {
    rows: { person: [], project: [], meeting: [], action: [], contribution: [], reflection: [], consent: [], voice: [], feedback: [], payment: [] },
    nextId: 1,
    prefs: { ...DEFAULT_PREFS },
    drafts: new Map(),
    lastBackup: null,
    notices: [],
    exchange: newMockExchange(),
    attachments: newMockAttachments(),
  };
}

function fail(code: ApiError["code"], message: string, field: string | null = null): never {
  throw { code, message, field } satisfies ApiError;
}

/** A deep copy; arguments may be Svelte state proxies (the real IPC serialises them as JSON). */
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));
const stamp = () => new Date().toISOString();
const isDate = (s: unknown) => typeof s === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

function check(kind: Kind, data: any) {
  const title = data.title ?? data.name;
  if ((kind === "project" || kind === "meeting" || kind === "action" || kind === "reflection" || kind === "person") && !String(title ?? "").trim())
    fail("invalid_input", kind === "project" ? "Add the project's name." : "Add a title.", kind === "person" ? "name" : "title");
  if (kind === "voice" && !String(data.text ?? "").trim()) fail("invalid_input", "Add what was said.", "text");
  if (kind === "feedback" && !String(data.we_did ?? "").trim()) fail("invalid_input", "Add what was done, or what will be done.", "we_did");
  if (kind === "payment" && (data.arrangement === "declined" || data.arrangement === "unpaid") && data.fee_pence !== 0)
    fail("invalid_input", "A declined fee, or no fee, is £0. Choose another arrangement to pay a fee.", "fee_pence");
  if ("date" in data && !isDate(data.date)) fail("invalid_input", "Enter a real date, like 2026-03-31 (year, month, day).", "date");
  for (const f of ["start_date", "end_date", "due_date", "claim_submitted_on", "paid_on"]) {
    if (data[f] != null && data[f] !== "" && !isDate(data[f])) fail("invalid_input", "Enter a real date, like 2026-03-31 (year, month, day).", f);
  }
  if (kind === "contribution")
    for (const f of ["prep_minutes", "meeting_minutes", "travel_minutes"])
      if (data[f] < 0) fail("invalid_input", "Enter minutes from 0 up to one week (10,080).", f);
  if (kind === "contribution" || kind === "payment")
    for (const x of data.expenses) if (x.kind === "mileage") x.amount_pence = mileagePence(x.tenth_miles, x.pence_per_mile);
  // Like the core, each saved expense line of a contribution gets an id of its own.
  if (kind === "contribution") for (const x of data.expenses) if (!x.uid) x.uid = `0192e0a0-1111-7000-8000-${String(++lineIds).padStart(12, "0")}`;
}
let lineIds = 0;

/** The mock's stand-in for the core's mileage rounding (to the nearest penny, halves up). */
export function mileagePence(tenthMiles: number, pencePerMile: number): number {
  return Math.floor((tenthMiles * pencePerMile + 5) / 10);
}

/** The fee paid to the person, by the core's own payable flags (choices.json). */
function payableFee(c: any): number {
  return choices.fee_arrangements.find((f) => f.value === c.fee_arrangement)?.payable ? c.fee_pence : 0;
}

export function claimPence(c: any): number {
  return payableFee(c) + c.expenses.reduce((s: number, x: any) => s + x.amount_pence, 0);
}

function claimStatus(c: any): string {
  if (claimPence(c) === 0) return "not_claimable";
  return c.paid_on ? "paid" : c.claim_submitted_on ? "claimed" : "to_claim";
}

function dateOf(_kind: Kind, d: any): string {
  return d.date ?? d.due_date ?? d.start_date ?? "";
}

/** Handles a record command, or returns `undefined` when `cmd` is not one. */
export function handleRecords(m: MockRecords, cmd: string, args: Record<string, any>): unknown {
  const match = /^(person|project|meeting|action|contribution|reflection|consent|voice|feedback|payment)_(create|update|get|list)$/.exec(cmd);
  if (match) {
    const kind = match[1] as Kind;
    const rows = m.rows[kind];
    const live = rows.filter((r) => !r.deleted);
    switch (match[2]) {
      case "create": {
        const data = clone(args.data);
        check(kind, data);
        const id = m.nextId++;
        const row: Row = { id, uid: `0190d4e2-7c1a-7b3e-8f00-${String(id).padStart(12, "0")}`, created_at: stamp(), updated_at: stamp(), data };
        rows.push(row);
        return clone(row);
      }
      case "update": {
        const row = live.find((r) => r.id === args.id) ?? fail("not_found", "That record is not in your records any more.");
        const data = clone(args.data);
        check(kind, data);
        Object.assign(row, { data, updated_at: stamp() });
        return clone(row);
      }
      case "get":
        return clone(live.find((r) => r.id === args.id) ?? fail("not_found", "That record is not in your records any more."));
      case "list": {
        const q = args.query ?? {};
        let found = live.filter(
          (r) =>
            (q.project_id == null || r.data.project_id === q.project_id) &&
            (q.meeting_id == null || r.data.meeting_id === q.meeting_id) &&
            (q.person_id == null || r.data.person_id === q.person_id) &&
            (q.name == null || String(r.data.name).toLowerCase().includes(String(q.name).toLowerCase())) &&
            (q.role == null || (r.data.roles ?? []).includes(q.role)) &&
            (q.status == null || (kind === "contribution" ? claimStatus(r.data) === q.status : r.data.status === q.status)),
        );
        if (q.sort === "title") found = found.sort((a, b) => String(a.data.title ?? a.data.name).localeCompare(String(b.data.title ?? b.data.name)));
        else found = found.sort((a, b) => dateOf(kind, b.data).localeCompare(dateOf(kind, a.data)) || b.id - a.id);
        if (q.descending === false) found.reverse();
        const offset = q.offset ?? 0;
        const limit = q.limit ?? 50;
        return { items: clone(found.slice(offset, offset + limit)), offset, has_more: found.length > offset + limit };
      }
    }
  }
  switch (cmd) {
    case "record_delete": {
      const kind = args.kind as Kind;
      const row = m.rows[kind].find((r) => r.id === args.id && !r.deleted) ?? fail("not_found", "That record is not in your records any more.");
      row.deleted = true;
      return { kind, id: row.id, with_it: 0, undo_seconds: 600 };
    }
    case "record_restore": {
      const row = m.rows[args.kind as Kind].find((r) => r.id === args.id && r.deleted) ?? fail("not_found", "Nothing to bring back.");
      row.deleted = false;
      return null;
    }
    case "person_page": {
      const person = m.rows.person.find((r) => r.id === args.id && !r.deleted) ?? fail("not_found", "That person is not in your records any more.");
      const live = (k: Kind) => m.rows[k].filter((r) => !r.deleted);
      const sessions = live("meeting").flatMap((mt) =>
        mt.data.attendees
          .filter((a: any) => a.person_id === person.id)
          .map((a: any) => ({
            meeting_id: mt.id,
            title: mt.data.title,
            date: mt.data.date,
            project: live("project").find((p) => p.id === mt.data.project_id)?.data.title ?? "",
            role: a.role,
            status: a.status,
          })),
      );
      return clone({
        person,
        sessions,
        consents: live("consent").filter((c) => c.data.person_id === person.id),
        voices: live("voice").filter((v) => v.data.person_id === person.id),
        actions: live("action").filter((a) => a.data.owner_id === person.id),
        payments: live("payment").filter((p) => p.data.person_id === person.id),
        exports: [],
      });
    }
    case "people_merge": {
      if (args.keep === args.duplicate) fail("invalid_input", "Choose two different people to merge.", "duplicate");
      const dup = m.rows.person.find((r) => r.id === args.duplicate && !r.deleted) ?? fail("not_found", "That person is not in your records any more.");
      let moved = 0;
      for (const k of ["consent", "voice", "payment"] as Kind[])
        for (const r of m.rows[k])
          if (r.data.person_id === dup.id) {
            r.data.person_id = args.keep;
            moved++;
          }
      dup.deleted = true;
      return { kept: args.keep, moved };
    }
    case "payment_run": {
      // The core works the fee out from the rate card; the mock pays the first card's day rate.
      const meeting = m.rows.meeting.find((r) => r.id === args.meetingId && !r.deleted) ?? fail("not_found", "That meeting is not in your records any more.");
      const project = m.rows.project.find((r) => r.id === meeting.data.project_id);
      if (project?.data.involvement !== "run") fail("invalid_input", "Payment runs are for sessions of projects you run.", "meeting_id");
      const fee = project?.data.rate_cards[0]?.per_day_pence ?? null;
      const lines = () => m.rows.payment.filter((r) => !r.deleted && r.data.meeting_id === meeting.id);
      const had = new Set(lines().map((r) => r.data.person_id));
      let made = 0;
      for (const a of meeting.data.attendees) {
        if (!["attended", "left_early", "joined_online"].includes(a.status) || had.has(a.person_id)) continue;
        const pref = m.rows.person.find((r) => r.id === a.person_id)?.data.payment_preference ?? "fee";
        const id = m.nextId++;
        m.rows.payment.push({
          id,
          uid: `0190d4e2-7c1a-7b3e-8f00-${String(id).padStart(12, "0")}`,
          created_at: stamp(),
          updated_at: stamp(),
          data: {
            meeting_id: meeting.id,
            person_id: a.person_id,
            arrangement: pref,
            fee_pence: pref === "declined" || pref === "unpaid" ? 0 : (fee ?? 0),
            expenses: [],
            reference: "",
            paid_on: null,
            note: "",
          },
        });
        made++;
      }
      return clone({ made, kept: had.size, fee_pence: fee, lines: lines() });
    }
    case "payments_mark_paid": {
      if (!isDate(args.paidOn)) fail("invalid_input", "Enter a real date, like 2026-03-31 (year, month, day).", "paid_on");
      let n = 0;
      for (const r of m.rows.payment)
        if (args.ids.includes(r.id) && !r.deleted && !r.data.paid_on) {
          r.data.paid_on = args.paidOn;
          n++;
        }
      return n;
    }
    case "notices_pending":
      return m.notices.map((kind) => ({ kind, text: 'Your earlier meeting notes are now "My private notes": they never go into a report.' }));
    case "notice_dismiss":
      m.notices = m.notices.filter((k) => k !== args.kind);
      return null;
    case "choices":
      return choices;
    case "preferences_get":
      return clone(m.prefs);
    case "preferences_set":
      m.prefs = clone(args.preferences);
      return clone(m.prefs);
    case "draft_save":
      m.drafts.set(args.id, args.body);
      return { id: args.id, body: args.body, updated_at: stamp() };
    case "draft_load":
      return m.drafts.has(args.id) ? { id: args.id, body: m.drafts.get(args.id), updated_at: stamp() } : null;
    case "draft_delete":
      m.drafts.delete(args.id);
      return null;
    case "search_records": {
      const words = String(args.query).toLowerCase().split(/\W+/).filter(Boolean);
      if (words.length === 0) return [];
      const hits: unknown[] = [];
      for (const kind of Object.keys(m.rows) as Kind[]) {
        for (const r of m.rows[kind].filter((x) => !x.deleted)) {
          const text = JSON.stringify(r.data).toLowerCase();
          if (!words.every((w) => text.includes(w))) continue;
          const title = String(r.data.title ?? r.data.name ?? r.data.summary ?? "");
          hits.push({
            kind,
            id: r.id,
            title,
            date: dateOf(kind, r.data) || null,
            snippet: [{ text: `…${words[0]}…`, hit: true }],
            private: kind === "reflection" && r.data.private,
          });
        }
      }
      return hits.slice(0, args.limit);
    }
    case "dashboard_get":
      return dashboard(m);
    case "money_periods":
      return moneyPeriods(m);
    case "project_totals":
      return projectTotals(m, args.projectId);
    case "export_reports":
      return reports;
    case "export_preview":
      return preview(m, args.options);
    case "export_save":
      return { path: `/home/you/Documents/alongside-${args.options.report}.${args.options.format}`, bytes: 48_213 };
    case "export_cancel":
    case "export_open":
      return null;
    case "claim_details_get":
      return (
        m.claimDetails ?? {
          organisation: "Maudsley Trust",
          name: "",
          address: "",
          payee_reference: "",
          payee_reference_label: "",
          cost_code: "",
          cost_code_label: "",
        }
      );
    case "claim_details_save":
      m.claimDetails = clone(args.details);
      return m.claimDetails;
    case "claim_mark_submitted":
      return 2;
  }
  return undefined;
}

/** This week, month and tax year (calendar month; tax year from 6 April), as the core shapes them. */
function moneyPeriods(m: MockRecords) {
  const live = m.rows.contribution.filter((r) => !r.deleted);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const now = new Date();
  const monday = new Date(now);
  monday.setDate(now.getDate() - ((now.getDay() + 6) % 7));
  const sunday = new Date(monday);
  sunday.setDate(monday.getDate() + 6);
  const y = now.getFullYear();
  const taxStart = day(now) >= `${y}-04-06` ? y : y - 1;
  const period = (from: string, to: string) => {
    const rows = live.filter((c) => c.data.date >= from && c.data.date <= to);
    const fees = rows.reduce((s, c) => s + payableFee(c.data), 0);
    const expenses = rows.reduce((s, c) => s + c.data.expenses.reduce((t: number, e: any) => t + e.amount_pence, 0), 0);
    return { from, to, fees_pence: fees, expenses_pence: expenses };
  };
  const week = period(day(monday), day(sunday));
  const limit = m.prefs.weekly_thresholds.at(-1)?.pence ?? null;
  return {
    week,
    month: period(`${day(now).slice(0, 8)}01`, day(new Date(Date.UTC(now.getFullYear(), now.getMonth() + 1, 0)))),
    tax_year: period(`${taxStart}-04-06`, `${taxStart + 1}-04-05`),
    weekly_limit_pence: limit,
    over_weekly_limit: limit !== null && week.fees_pence > limit,
  };
}

/** A small stand-in report (the real ones are built and tested in Rust). */
function preview(m: MockRecords, options: any) {
  const info = reports.find((r) => r.kind === options.report);
  if (!info?.formats.includes(options.format))
    throw { code: "invalid_input", message: "That format is not offered for this report.", field: "format" } satisfies ApiError;
  const live = (k: Kind) => m.rows[k].filter((r) => !r.deleted);
  const chosen = (id: number) => options.selection.project_ids.length === 0 || options.selection.project_ids.includes(id);
  const contributions = live("contribution").filter((c) => chosen(c.data.project_id));
  const reflections = live("reflection").filter((r) => options.include_private || !r.data.private);
  return {
    title: info.title,
    subtitle: `${options.selection.from ?? "All dates"} to ${options.selection.to ?? "today"} · ${options.selection.project_ids.length ? `${options.selection.project_ids.length} projects` : "all projects"}`,
    prepared: "Prepared with Alongside, from the author's own records.",
    lang: "en-GB",
    page_of: "Page {page} of {pages}",
    second: null,
    notes: options.names === "roles" ? ["People are shown by their roles, not their names."] : [],
    blocks: [
      { type: "heading", level: 1, text: "At a glance" },
      { type: "facts", items: [{ label: "Contributions", value: String(contributions.length) }] },
      {
        type: "table",
        caption: "Projects",
        columns: [
          { title: "Project", numeric: false },
          { title: "Contributions", numeric: true },
        ],
        rows: live("project")
          .filter((p) => chosen(p.id))
          .map((p) => [p.data.title, String(contributions.filter((c) => c.data.project_id === p.id).length)]),
        total: null,
      },
      { type: "list", items: reflections.map((r) => r.data.title) },
    ],
  };
}

function dashboard(m: MockRecords): Dashboard {
  const live = (k: Kind) => m.rows[k].filter((r) => !r.deleted);
  const today = new Date().toISOString().slice(0, 10);
  const contributions = live("contribution");
  const minutes = (c: any) => c.data.prep_minutes + c.data.meeting_minutes + c.data.travel_minutes;
  const sum = (f: (c: any) => number, rows = contributions) => rows.reduce((s, c) => s + f(c), 0);
  const hours = (from: string, to: string) => {
    const rows = contributions.filter((c) => c.data.date >= from && c.data.date <= to);
    return {
      from,
      to,
      minutes: sum(minutes, rows),
      prep_minutes: sum((c) => c.data.prep_minutes, rows),
      meeting_minutes: sum((c) => c.data.meeting_minutes, rows),
      travel_minutes: sum((c) => c.data.travel_minutes, rows),
      contributions: rows.length,
    };
  };
  const waiting = contributions.filter((c) => claimStatus(c.data) === "claimed");
  const toClaim = contributions.filter((c) => claimStatus(c.data) === "to_claim");
  const project = (id: number) => live("project").find((p) => p.id === id)?.data.title ?? "";
  const noFeedback = contributions.filter(
    (c) =>
      c.data.date <= today &&
      !c.data.feedback.trim() &&
      !c.data.feedback_date &&
      live("project").find((p) => p.id === c.data.project_id)?.data.involvement !== "run",
  );
  const daysAgo = (day: string) => Math.round((Date.parse(today) - Date.parse(day)) / 86_400_000);
  const limbo = noFeedback.filter((c) => daysAgo(c.data.date) >= (m.prefs.feedback_wait_weeks ?? 6) * 7).sort((a, b) => a.data.date.localeCompare(b.data.date));
  const now = new Date(`${today}T12:00:00Z`);
  const monday = new Date(now.getTime() - ((now.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
  const sunday = new Date(Date.parse(monday) + 6 * 86_400_000).toISOString().slice(0, 10);
  const week = hours(monday, sunday);
  const limit = m.prefs.weekly_minutes_limit ?? null;
  return {
    today,
    month: hours(today.slice(0, 8) + "01", today.slice(0, 8) + "31"),
    year: hours(today.slice(0, 5) + "01-01", today.slice(0, 5) + "12-31"),
    year_by_project: live("project").map((p) => ({
      project_id: p.id,
      title: p.data.title,
      minutes: sum(
        minutes,
        contributions.filter((c) => c.data.project_id === p.id),
      ),
    })),
    year_by_activity: [],
    money: {
      tax_year_from: `${today.slice(0, 4)}-04-06`,
      claimed_this_tax_year_pence: 0,
      paid_this_tax_year_pence: sum(
        (c) => claimPence(c.data),
        contributions.filter((c) => c.data.paid_on),
      ),
      outstanding_pence: sum((c) => claimPence(c.data), waiting),
      outstanding_claims: waiting.length,
      oldest_unpaid: null,
      to_claim_pence: sum((c) => claimPence(c.data), toClaim),
      to_claim_count: toClaim.length,
    },
    overdue_actions: [],
    overdue_count: 0,
    others_overdue: live("action")
      .filter((a) => a.data.status === "open" && a.data.due_date && a.data.due_date < today && (a.data.owner_id != null || a.data.team_owned))
      .map((a) => ({
        id: a.id,
        title: a.data.title,
        due_date: a.data.due_date,
        project_title: live("project").find((p) => p.id === a.data.project_id)?.data.title ?? null,
        days_overdue: Math.round((Date.parse(today) - Date.parse(a.data.due_date)) / 86_400_000),
        owner: a.data.team_owned ? "The team" : (live("person").find((p) => p.id === a.data.owner_id)?.data.name ?? null),
      })),
    waiting_for_feedback: noFeedback.length,
    limbo_count: limbo.length,
    limbo: limbo.slice(0, 10).map((c) => ({
      id: c.id,
      date: c.data.date,
      project_title: project(c.data.project_id),
      summary: c.data.summary.split("\n")[0],
      weeks_waiting: Math.floor(daysAgo(c.data.date) / 7),
    })),
    feedback_wait_weeks: m.prefs.feedback_wait_weeks ?? 6,
    pace: {
      week,
      weekly_minutes_limit: limit,
      over_weekly_minutes: limit !== null && week.minutes > limit,
      paused_until: m.prefs.paused_until && m.prefs.paused_until >= today ? m.prefs.paused_until : null,
    },
    upcoming_meetings: live("meeting")
      .filter((x) => x.data.date >= today)
      .map((x) => ({
        id: x.id,
        title: x.data.title,
        kind: x.data.kind,
        date: x.data.date,
        start_time: x.data.start_time,
        project_title: project(x.data.project_id),
      })),
    days_since_reflection: live("reflection").length ? 0 : null,
    reflect_on: null,
    backup: {
      last: m.lastBackup,
      every_days: m.prefs.backup_reminder_days ?? null,
      due: m.lastBackup === null && m.prefs.backup_reminder_days != null,
    },
  };
}

/** One project's time and money, as the core adds them up. */
function projectTotals(m: MockRecords, projectId: number) {
  const live = (k: Kind) => m.rows[k].filter((r) => !r.deleted && r.data.project_id === projectId);
  const cs = live("contribution").map((r) => r.data);
  const sum = (f: (c: any) => number, rows = cs) => rows.reduce((s, c) => s + f(c), 0);
  const p = sum((c) => c.prep_minutes),
    mt = sum((c) => c.meeting_minutes),
    t = sum((c) => c.travel_minutes);
  return {
    contributions: cs.length,
    minutes: p + mt + t,
    prep_minutes: p,
    meeting_minutes: mt,
    travel_minutes: t,
    meetings: live("meeting").length,
    reflections: live("reflection").length,
    fees_pence: sum(payableFee),
    expenses_pence: sum((c) => c.expenses.reduce((s: number, x: any) => s + x.amount_pence, 0)),
    paid_pence: sum(
      claimPence,
      cs.filter((c) => c.paid_on),
    ),
    waiting_pence: sum(
      claimPence,
      cs.filter((c) => !c.paid_on && c.claim_submitted_on),
    ),
    to_claim_pence: sum(
      claimPence,
      cs.filter((c) => !c.paid_on && !c.claim_submitted_on),
    ),
  };
}

/** A few records so every screen has something to show in the accessibility walk. */
export function seedMockRecords(m: MockRecords) {
  m.notices = ["notes_became_private"];
  // A weekly limit on time (6 hours) and a pause ending in a week, so the overview shows both.
  m.prefs.weekly_minutes_limit = 360;
  m.prefs.paused_until = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const add = (kind: Kind, data: any) => (handleRecords(m, `${kind}_create`, { data }) as Row).id;
  const p = add("project", {
    title: "Early psychosis support",
    organisation: "Maudsley Trust",
    my_role: "Patient partner",
    approach: "co_design",
    status: "active",
    start_date: "2025-01-06",
    end_date: null,
    lead_id: null,
    rate_cards: [{ from: "2025-01-06", per_hour_pence: 2500, per_half_day_pence: null, per_day_pence: 15000, covers: "Meetings and preparation" }],
    involvement: "take_part",
    feedback_days: null,
    notes: "",
    tags: [],
  });
  const meeting = add("meeting", {
    project_id: p,
    kind: "steering_committee",
    title: "Steering committee, March",
    date: "2026-03-04",
    start_time: "18:30",
    end_time: "20:00",
    place: "Online",
    online: true,
    my_attendance: "attended",
    attendees: [],
    agenda: ["Recruitment update"],
    record_notes: "Good discussion.",
    private_notes: "",
    decisions: ["Rewrite the leaflet"],
    stage: null,
    felt_heard: null,
    tags: [],
  });
  add("action", {
    project_id: p,
    meeting_id: meeting,
    title: "Send comments on the leaflet",
    owner_id: null,
    team_owned: false,
    due_date: "2026-03-20",
    status: "open",
    notes: "",
  });
  const receipted = add("contribution", {
    project_id: p,
    meeting_id: meeting,
    date: "2026-03-04",
    activity: "meeting",
    prep_minutes: 30,
    meeting_minutes: 90,
    travel_minutes: 0,
    summary: "Spoke about the consent form",
    impact_said: "Shorten it",
    impact_changed: "The team rewrote it",
    impact_evidence: "",
    feedback: "",
    feedback_date: null,
    fee_arrangement: "fee",
    fee_pence: 5000,
    claim_submitted_on: "2026-03-05",
    paid_on: null,
    expenses: [{ kind: "fares", amount_pence: 1240, tenth_miles: null, pence_per_mile: null, note: "Train", uid: "0192e0a0-1111-7000-8000-900000000001" }],
    tags: [],
  });
  seedAttachments(m.attachments, receipted);
  add("reflection", {
    date: "2026-03-05",
    title: "After the committee",
    project_id: p,
    meeting_id: meeting,
    contribution_id: null,
    template: "rolfe",
    entries: { what: "I spoke up about the consent form." },
    mood: 4,
    private: true,
    share_ready: false,
    tags: [],
  });

  // A project the person runs: people, a register, consent, what people said, "you said, we did".
  const person = (name: string, role: string, access_needs: string[] = []) =>
    add("person", {
      name,
      preferred_name: "",
      pronouns: "",
      roles: [role],
      organisation: "Riverside Hospital",
      contact: "",
      access_needs,
      access_other: "",
      payment_preference: "fee",
      keep_until: "2027-12-31",
      notes: "",
    });
  const alex = person("Alex Morgan", "patient_partner", ["papers_early"]);
  const bea = person("Bea Kowalski", "patient_partner", ["large_print"]);
  const carys = person("Carys Hughes", "carer");
  const run = add("project", {
    title: "Leaving hospital well",
    organisation: "Riverside Hospital",
    my_role: "Involvement lead",
    approach: "co_design",
    status: "active",
    involvement: "run",
    feedback_days: null,
    pay_within_days: null,
    cost_code: "RH-PPI-2026",
    start_date: "2026-01-10",
    end_date: null,
    lead_id: null,
    rate_cards: [{ from: "2026-01-01", per_hour_pence: null, per_half_day_pence: 7500, per_day_pence: 15000, covers: "Sessions" }],
    notes: "",
    tags: [],
  });
  const workshop = add("meeting", {
    project_id: run,
    kind: "co_design_workshop",
    title: "Workshop 2 — joint event",
    date: "2026-05-01",
    start_time: "13:30",
    end_time: "16:00",
    place: "Education centre",
    online: false,
    my_attendance: "attended",
    attendees: [
      { uid: null, person_id: alex, role: "patient_partner", status: "attended" },
      { uid: null, person_id: bea, role: "patient_partner", status: "attended" },
      { uid: null, person_id: carys, role: "carer", status: "apologies" },
    ],
    agenda: ["What we heard", "Priorities"],
    record_notes: "We agreed three priorities.",
    private_notes: "Check transport for Bea.",
    decisions: [],
    stage: "joint_event",
    priorities: [
      { text: "Medicines ready before the letter", votes: 4 },
      { text: "One phone number for the first week", votes: 6 },
    ],
    felt_heard: null,
    tags: [],
  });
  const consent = (person_id: number, quote: boolean, named: boolean) =>
    add("consent", {
      meeting_id: workshop,
      person_id,
      quote,
      named,
      photo: false,
      audio: true,
      given_how: "written",
      given_on: "2026-05-01",
      withdrawn_on: null,
      notes: "",
    });
  consent(alex, true, false);
  consent(bea, false, false);
  const voice = add("voice", {
    meeting_id: workshop,
    person_id: alex,
    text: "Nobody told me who to ring once I was home.",
    quotable: true,
    themes: ["communication"],
    touchpoint: "First week at home",
    emotion: "worried",
  });
  add("feedback", {
    meeting_id: workshop,
    you_said: "Nobody knew who to call after leaving.",
    we_did: "The booklet now has a phone number on its front page.",
    status: "did",
    due_date: null,
    reason: "",
    voice_ids: [voice],
    fed_back: [],
  });
  add("action", {
    project_id: run,
    meeting_id: workshop,
    title: "Send the booklet to the printers",
    owner_id: carys,
    team_owned: false,
    due_date: "2026-05-15",
    status: "open",
    notes: "",
  });
  add("payment", {
    meeting_id: workshop,
    person_id: alex,
    arrangement: "fee",
    fee_pence: 7500,
    expenses: [{ kind: "fares", amount_pence: 640, tenth_miles: null, pence_per_mile: null, note: "Bus", uid: "0192e0a0-1111-7000-8000-900000000002" }],
    reference: "RH-02-001",
    paid_on: null,
    note: "",
  });
}
