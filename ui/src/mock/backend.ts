// An in-memory stand-in for the Rust core, used by UI tests and the accessibility build only.
// It follows the core's rules closely enough for the screens to be exercised; the real rules
// are tested in Rust against the real encrypted database.
import { emit } from "@tauri-apps/api/event";
import { mockIPC } from "@tauri-apps/api/mocks";
import type { ApiError, AppInfo, LockSettings, TextSize, VaultStatus } from "../lib/bindings";
import { applyLook, TEXT_SCALE } from "../lib/theme";
import { handleAttachments } from "./attachments";
import { handleExchange } from "./exchange";
import { handleRecords, mileagePence, newMockRecords, seedMockRecords, type MockRecords } from "./records";

export type MockVault = {
  exists: boolean;
  unlocked: boolean;
  passphrase: string;
  recoveryCode: string;
  /** A new recovery code waiting until the person says they saved it. */
  pendingCode: string | null;
  keyring: boolean;
  autoLock: number | null;
  records: MockRecords;
  /** A backup file has been chosen in the (mock) open dialog. */
  backupChosen: boolean;
  /** A backup file was given to the app (a double-click), not yet offered. */
  backupArrived: boolean;
  importChosen: boolean;
  /** Read aloud: the number of the reading under way (0 when none) and of the last one. */
  reading: number;
  readings: number;
  calls: { cmd: string; args: Record<string, unknown> }[];
};

export const RECOVERY_CODE = "7K2QD-M9XWA-4RTPB-HN3CE-8VFJS";
/** The passphrase the mock's backup file opens with. */
export const BACKUP_PASSPHRASE = "lighthouse parsnip velvet tides";

export function newMockVault(preset: "none" | "locked" | "open" | "records" = "none"): MockVault {
  const records = newMockRecords();
  if (preset === "records") seedMockRecords(records);
  return {
    records,
    exists: preset !== "none",
    unlocked: preset === "open" || preset === "records",
    passphrase: "correct horse battery staple",
    recoveryCode: RECOVERY_CODE,
    pendingCode: null,
    keyring: false,
    autoLock: 15,
    backupChosen: false,
    backupArrived: false,
    importChosen: false,
    reading: 0,
    readings: 0,
    calls: [],
  };
}

const SHORT_PASSPHRASE = "Use at least 10 characters. A few unrelated words make a passphrase that is long but easy to remember.";

function fail(code: ApiError["code"], message: string, field: string | null = null): never {
  const err: ApiError = { code, message, field };
  throw err;
}

function status(v: MockVault): VaultStatus {
  return {
    exists: v.exists,
    unlocked: v.unlocked,
    slots: { passphrase: v.exists, recovery_code: v.exists, keyring: v.exists && v.keyring },
    slots_problem: null,
    schema_version: v.unlocked ? 6 : null,
    drafts: v.unlocked ? 0 : null,
    records: v.unlocked
      ? {
          people: 0,
          projects: 0,
          meetings: 0,
          actions: 0,
          contributions: 0,
          expenses: 0,
          reflections: 0,
          consents: 0,
          voices: 0,
          feedback: 0,
          payments: 0,
          attachments: 0,
        }
      : null,
    auto_lock_minutes: v.unlocked ? v.autoLock : null,
  };
}

/** Read aloud as the shell does it: a numbered reading whose steps come as events (the mock's
 * voice never finishes on its own, so a test sees it speaking until it stops it). */
function readAloud(v: MockVault, cmd: string, args: Record<string, any>): unknown {
  const tell = (reading: number, speech: string) => void emit("read-aloud-changed", { reading, speech }).catch(() => undefined);
  if (cmd === "read_aloud") {
    if (v.reading) tell(v.reading, "stopped");
    v.readings += 1;
    v.reading = String(args.text).trim() ? v.readings : 0;
    tell(v.readings, v.reading ? "speaking" : "finished");
    return v.readings;
  }
  if (cmd === "read_aloud_stop") {
    if (v.reading) tell(v.reading, "stopped");
    v.reading = 0;
    return null;
  }
  if (!v.reading) fail("not_found", "nothing is being read aloud");
  tell(v.reading, cmd === "read_aloud_pause" ? "paused" : "speaking");
  return null;
}

/** Handles one command the way the core would. */
export function handle(v: MockVault, cmd: string, args: Record<string, any>): unknown {
  v.calls.push({ cmd, args });
  const mustBeOpen = () => {
    if (!v.unlocked) fail("vault_locked", "Your records are locked. Unlock them to continue.");
  };
  const checkPass = (p: string) => {
    if (p !== v.passphrase) fail("wrong_passphrase", "That passphrase did not unlock your records. Check Caps Lock and try again, or use your recovery code.");
  };
  const norm = (s: string) => s.toUpperCase().replace(/[\s-]/g, "");
  /** The core's re-authentication: the passphrase or recovery code, typed again. */
  const checkProof = (proof: any, act: string) => {
    if (!proof) fail("reauth_required", `Type your passphrase or recovery code again to ${act}.`);
    if (proof.method === "recovery_code") {
      if (norm(proof.code) !== norm(v.recoveryCode))
        fail("wrong_passphrase", "That recovery code did not unlock your records. Check each group of letters and numbers and try again.");
    } else checkPass(proof.passphrase);
  };
  switch (cmd) {
    case "app_info":
      return {
        version: "0.1.0",
        data_dir: "/home/sam/.local/share/org.alongside.Alongside",
        vault_exists: v.exists,
        log_dir: "/home/sam/.local/state/alongside/logs",
      } satisfies AppInfo;
    case "log_folder_open":
      return null;
    case "read_aloud":
    case "read_aloud_pause":
    case "read_aloud_resume":
    case "read_aloud_stop":
      return readAloud(v, cmd, args);
    case "spelling_status":
      return { enabled: true, languages: ["en_GB"] };
    case "vault_status":
      return status(v);
    case "vault_create":
      if (v.exists) fail("vault_exists", "Locked records already exist in this folder; they have not been changed.");
      if (String(args.passphrase).trim().length < 10) fail("invalid_input", SHORT_PASSPHRASE, "passphrase");
      Object.assign(v, { exists: true, unlocked: true, passphrase: args.passphrase, keyring: !!args.useKeyring });
      return { recovery_code: v.recoveryCode, keyring_problem: null };
    case "vault_unlock": {
      const r = args.request;
      if (r.method === "passphrase") checkPass(r.passphrase);
      else if (r.method === "recovery_code") {
        if (norm(r.code) !== norm(v.recoveryCode))
          fail("wrong_passphrase", "That recovery code did not unlock your records. Check each group of letters and numbers and try again.");
      } else if (!v.keyring) fail("keyring_unavailable", "This vault is not set to unlock automatically on this computer.");
      v.unlocked = true;
      return null;
    }
    case "vault_lock":
      readAloud(v, "read_aloud_stop", {});
      v.unlocked = false;
      v.pendingCode = null;
      return null;
    case "vault_touch":
    case "app_shown":
      return null;
    case "lock_settings_get":
      mustBeOpen();
      return { auto_lock_minutes: v.autoLock } satisfies LockSettings;
    case "lock_settings_set": {
      mustBeOpen();
      const m = args.settings.auto_lock_minutes;
      if (m !== null && ![1, 5, 15, 30, 60].includes(m)) fail("invalid_input", "Choose 1, 5, 15, 30 or 60 minutes, or never.", "auto_lock_minutes");
      if (m === null && v.autoLock !== null) checkProof(args.proof, "turn automatic locking off");
      v.autoLock = m;
      return { auto_lock_minutes: m };
    }
    case "passphrase_change":
      mustBeOpen();
      checkProof(args.proof, "change the passphrase");
      if (String(args.newPassphrase).trim().length < 10) fail("invalid_input", SHORT_PASSPHRASE, "passphrase");
      v.passphrase = args.newPassphrase;
      return null;
    case "passphrase_strength": {
      // The mock keeps only the length part of the core's rule.
      const short = String(args.passphrase).trim().length < 10;
      const problem = short ? SHORT_PASSPHRASE : null;
      return {
        score: short ? 0 : 4,
        label: short ? "Very weak" : "Very strong",
        advice: short ? "Use at least 10 characters. A few unrelated words work well." : "Good choice.",
        acceptable: !short,
        problem,
      };
    }
    case "mileage_pence":
      return mileagePence(args.tenthMiles, args.pencePerMile);
    case "vault_confirm":
      mustBeOpen();
      checkProof(args.proof, "go on");
      return null;
    case "recovery_code_new":
      mustBeOpen();
      checkProof(args.proof, "make a new recovery code");
      v.pendingCode = "ZX9QW-4RTPB-M9XWA-HN3CE-8VFJS";
      return v.pendingCode;
    case "recovery_code_keep":
      mustBeOpen();
      if (!v.pendingCode) fail("invalid_input", "Make a new recovery code first; nothing was changed.", "code");
      v.recoveryCode = v.pendingCode;
      v.pendingCode = null;
      return null;
    case "vault_rekey":
      mustBeOpen();
      if (args.proof?.method !== "passphrase") fail("invalid_input", "Changing the key needs your passphrase, not the recovery code.", "proof");
      checkProof(args.proof, "change the key");
      v.recoveryCode = "Q4RTB-HN3CE-ZX9QW-8VFJS-M9XWA";
      return { recovery_code: v.recoveryCode, keyring_problem: null };
    case "backup_state":
      mustBeOpen();
      return { last: v.records.lastBackup, every_days: v.records.prefs.backup_reminder_days ?? null, due: v.records.lastBackup === null };
    case "backup_make": {
      mustBeOpen();
      if (String(args.passphrase ?? "").trim().length < 10) fail("invalid_input", SHORT_PASSPHRASE, "passphrase");
      checkProof(args.proof, "make a backup");
      const made_at = new Date().toISOString().slice(0, 19) + "Z";
      v.records.lastBackup = { made_at, size_kib: 2_480 };
      const counts = {
        people: 2,
        projects: v.records.rows.project.length,
        meetings: v.records.rows.meeting.length,
        actions: 0,
        contributions: v.records.rows.contribution.length,
        expenses: 0,
        reflections: v.records.rows.reflection.length,
        consents: v.records.rows.consent.length,
        voices: v.records.rows.voice.length,
        feedback: v.records.rows.feedback.length,
        payments: v.records.rows.payment.length,
        attachments: 0,
      };
      return { path: `/home/you/Documents/alongside-${made_at.slice(0, 10)}.backup`, made_at, size_kib: 2_480, counts };
    }
    case "backup_cancel":
      return null;
    case "import_choose":
      mustBeOpen();
      v.importChosen = true;
      return {
        name: "involvement log 2025.xlsx",
        format: "xlsx",
        columns: [
          { column: "Date", field: "date" },
          { column: "Project", field: "project" },
          { column: "Hours spent", field: null },
          { column: "Notes", field: "summary" },
          { column: "Fee", field: "fee" },
        ],
      };
    case "import_pending":
    case "invitation_pending":
      mustBeOpen();
      return null;
    case "invitation_choose":
      mustBeOpen();
      return {
        title: "Discharge letters: patient panel",
        date: "2026-03-31",
        start_time: "14:00",
        end_time: "15:30",
        place: "Microsoft Teams Meeting",
        online: true,
        link: "https://teams.microsoft.com/l/meetup-join/19%3ameeting_example",
        organiser: "Dr Fatima Okafor",
      };
    case "meeting_calendar_save":
      mustBeOpen();
      return "2026-03-12 Workshop 2.ics";
    case "import_run": {
      mustBeOpen();
      if (!v.importChosen) fail("invalid_input", "Choose a file to import first.", "file");
      // The sheet has three rows; without a date column every row is missing its day.
      const mapping = args.mapping as { column: string; field: string | null }[];
      const dated = mapping.some((m) => m.field === "date");
      const problems = dated ? [] : [2, 3, 4].map((line) => ({ line, place: "Date", message: "Every row needs the day of the work." }));
      const written = dated && !args.dryRun;
      if (written) v.importChosen = false;
      return {
        dry_run: args.dryRun,
        written,
        counts: {
          people: 0,
          projects: 1,
          meetings: 0,
          actions: 0,
          contributions: 3,
          expenses: 1,
          reflections: 0,
          consents: 0,
          voices: 0,
          feedback: 0,
          payments: 0,
          attachments: 0,
        },
        new_projects: ["Hospital discharge co-design"],
        ignored_columns: mapping.filter((m) => m.field === null).map((m) => m.column),
        problems,
        more_problems: 0,
      };
    }
    case "backup_choose":
      v.backupChosen = true;
      return { made_at: "2026-10-01T18:30:00Z", app_version: "0.1.0" };
    case "backup_pending":
      if (!v.backupArrived) return null;
      v.backupArrived = false;
      v.backupChosen = true;
      return { made_at: "2026-10-01T18:30:00Z", app_version: "0.1.0" };
    case "backup_restore": {
      if (!v.backupChosen) fail("invalid_input", "Choose a backup file first.", "file");
      if (args.passphrase !== BACKUP_PASSPHRASE)
        fail(
          "wrong_passphrase",
          "That backup passphrase does not open this backup. Use the passphrase you chose when you made the backup (it may differ from the one you unlock the app with).",
        );
      const counts = {
        people: 3,
        projects: 2,
        meetings: 14,
        actions: 5,
        contributions: 61,
        expenses: 12,
        reflections: 9,
        consents: 0,
        voices: 0,
        feedback: 0,
        payments: 0,
        attachments: 0,
      };
      if (v.exists) {
        mustBeOpen();
        if (!args.replace)
          fail("invalid_input", "There are records here already. Choose to replace them to go on; they will be kept in a safety copy.", "replace");
        checkProof(args.proof, "replace your records");
        v.unlocked = false;
        v.backupChosen = false;
        return { made_at: "2026-10-01T18:30:00Z", counts, safety_copy: "/home/you/.local/share/org.alongside.Alongside/before-restore-2026-11-23-101500" };
      }
      v.exists = true;
      v.unlocked = false;
      v.backupChosen = false;
      return { made_at: "2026-10-01T18:30:00Z", counts, safety_copy: null };
    }
    case "delete_everything":
      mustBeOpen();
      if (
        String(args.confirm ?? "")
          .trim()
          .toLowerCase() !== "delete"
      )
        fail("invalid_input", "Type delete to confirm. Nothing has been deleted.", "confirm");
      checkProof(args.proof, "delete everything");
      v.exists = false;
      v.unlocked = false;
      v.records = newMockRecords();
      return { removed: 3, keyring_entries: 0 };
    case "keyring_set":
      mustBeOpen();
      if (args.enabled) checkProof(args.proof, "unlock automatically on this computer");
      v.keyring = !!args.enabled;
      return null;
    default: {
      mustBeOpen();
      const people = v.records.rows.person.filter((r) => !r.deleted).map((r) => ({ id: r.id, name: r.data.name }));
      const shared = handleExchange(v.records.exchange, people, cmd, args);
      if (shared !== undefined) return shared;
      const attached = handleAttachments(v.records.attachments, cmd, args);
      if (attached !== undefined) return attached;
      const answer = handleRecords(v.records, cmd, args);
      return answer === undefined ? fail("internal", `The mock does not know ${cmd}.`) : answer;
    }
  }
}

/** Installs the mock for the whole page. `?vault=none|locked|open&theme=light|dark|high_contrast&text=double&lang=cy&easy=1`
 * presets it (the look applies before unlocking too, as the saved look would after; the
 * language, like the saved one, once the records are open). */
export function installMockBackend(vault?: MockVault): MockVault {
  const params = new URLSearchParams(globalThis.location?.search ?? "");
  const v = vault ?? newMockVault((params.get("vault") as "none" | "locked" | "open" | "records") ?? "none");
  const theme = params.get("theme");
  if (theme === "dark" || theme === "light" || theme === "high_contrast") v.records.prefs.theme = theme;
  const text = params.get("text");
  if (text && text in TEXT_SCALE) v.records.prefs.text_size = text as TextSize;
  if (theme || text) applyLook(v.records.prefs.theme, v.records.prefs.text_size);
  if (params.get("lang") === "cy") v.records.prefs.language = "cy";
  if (params.get("easy") === "1") v.records.prefs.easy_read = true;
  mockIPC((cmd, args) => handle(v, cmd, (args ?? {}) as Record<string, any>), { shouldMockEvents: true });
  return v;
}
