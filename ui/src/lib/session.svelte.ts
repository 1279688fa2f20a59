// The app's session: which phase we are in (welcome, set-up, unlock, open) and what the vault
// reports. On lock every record-bearing value is dropped.
import { commands, events, type AppInfo, type Restored, type UnlockRequest, type VaultStatus } from "./bindings";
import { call } from "./api";
import { lookups } from "./data/lookups.svelte";
import { edits } from "./data/edits.svelte";
import { announce } from "./announce.svelte";
import { markStartup } from "./startupTimes";
import { confirmation } from "./confirm.svelte";
import { reauth } from "./reauth.svelte";
import { words } from "./words.svelte";

export type Phase = "loading" | "welcome" | "create" | "restore" | "recovery" | "unlock" | "open" | "failed";
export type Screen =
  "dashboard" | "projects" | "meetings" | "people" | "contributions" | "reflections" | "money" | "search" | "exports" | "sharing" | "settings";

const TOUCH_EVERY_MS = 20_000;

/** Drops everything read from the vault and any undo offer (on lock, restore and delete). */
function forgetWhatWasRead() {
  lookups.clear();
  edits.clear();
}

class Session {
  phase = $state<Phase>("loading");
  screen = $state<Screen>("dashboard");
  /** A new record asked for by a shortcut, for its screen to start (then clear). */
  starting = $state<"newContribution" | "newMeeting" | null>(null);
  info = $state<AppInfo | null>(null);
  status = $state<VaultStatus | null>(null);
  recoveryCode = $state<string | null>(null);
  keyringProblem = $state<string | null>(null);
  notice = $state<string | null>(null);
  failure = $state<string | null>(null);
  private lastTouch = 0;

  /** Reads the app's facts and decides the first screen. The keyring is tried once, here at
   * start-up only: after any lock the passphrase or recovery code is asked (the core refuses
   * the keyring then too). */
  async start() {
    try {
      this.info = await call(commands.appInfo());
      this.status = await call(commands.vaultStatus());
      markStartup("status_ms");
      await events.vaultLocked.listen((e) => {
        const why: Record<typeof e.payload.reason, string> = {
          idle: "Alongside locked itself because it was not used for a while.",
          system: "Alongside locked because the screen locked or the computer went to sleep.",
          manual: "Alongside is locked.",
        };
        this.dropEverything(why[e.payload.reason]);
      });
      if (!this.status.exists) {
        this.phase = "welcome";
        return;
      }
      if (this.status.unlocked) {
        this.phase = "open";
        return;
      }
      if (this.status.slots.keyring) {
        try {
          await this.unlock({ method: "keyring" });
          return;
        } catch (e) {
          this.notice = e instanceof Error ? e.message : null;
        }
      }
      this.phase = "unlock";
    } catch (e) {
      this.failure = e instanceof Error ? e.message : String(e);
      this.phase = "failed";
    }
  }

  async refresh() {
    this.status = await call(commands.vaultStatus());
  }

  async create(passphrase: string, useKeyring: boolean) {
    const created = await call(commands.vaultCreate(passphrase, useKeyring));
    // The language chosen on the welcome screen becomes the new records' own.
    if (words.lang !== "en-GB") {
      const prefs = await call(commands.preferencesGet());
      await call(commands.preferencesSet({ ...prefs, language: words.lang })).catch(() => undefined);
    }
    this.recoveryCode = created.recovery_code;
    this.keyringProblem = created.keyring_problem;
    this.phase = "recovery";
  }

  /** After the person confirms they saved the recovery code, it is forgotten. */
  async recoverySaved() {
    this.recoveryCode = null;
    await this.refresh();
    this.screen = "dashboard";
    this.phase = "open";
  }

  async unlock(request: UnlockRequest) {
    await call(commands.vaultUnlock(request));
    this.notice = null;
    await this.refresh();
    this.screen = "dashboard";
    this.phase = "open";
  }

  /** Locks. The window drops everything even when the core reports a problem tidying up: the
   * key is gone either way, and the problem is said afterwards. */
  async lock() {
    let problem: string | null = null;
    try {
      await call(commands.vaultLock());
    } catch (e) {
      problem = e instanceof Error ? e.message : String(e);
    }
    this.dropEverything(problem ? `Alongside is locked. ${problem}` : "Alongside is locked.");
  }

  /** Clears everything read from the vault and shows the unlock screen. */
  dropEverything(message: string) {
    // Any open question ("Are you sure?", "Type your passphrase") closes with the vault.
    confirmation.answer(false);
    reauth.cancel();
    forgetWhatWasRead();
    this.recoveryCode = null;
    this.keyringProblem = null;
    this.status = this.status ? { ...this.status, unlocked: false, drafts: null, records: null, schema_version: null, auto_lock_minutes: null } : null;
    this.notice = message;
    announce(message);
    this.screen = "dashboard";
    if (this.phase === "open" || this.phase === "recovery") this.phase = "unlock";
  }

  /** After a restore: the vault is locked; say what came back and ask to unlock it. */
  async restored(r: Restored) {
    forgetWhatWasRead();
    this.info = await call(commands.appInfo());
    await this.refresh();
    const when = new Date(r.made_at).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
    const kept = r.safety_copy ? ` Your previous records are kept in ${r.safety_copy}.` : "";
    this.notice =
      `Restored the backup made on ${when}: ${r.counts.projects} projects, ${r.counts.contributions} contributions and ` +
      `${r.counts.reflections} reflections. Unlock with the passphrase or recovery code you used then.${kept}`;
    this.screen = "dashboard";
    this.phase = "unlock";
  }

  /** After "delete all my data": back to the first screen. */
  async deleted() {
    forgetWhatWasRead();
    this.info = await call(commands.appInfo());
    await this.refresh();
    this.notice = "Everything Alongside kept on this computer has been deleted.";
    this.screen = "dashboard";
    this.phase = "welcome";
  }

  /** Tells the core the person is active (throttled) so auto-lock counts from the last use. */
  activity() {
    const now = Date.now();
    if (this.phase !== "open" || now - this.lastTouch < TOUCH_EVERY_MS) return;
    this.lastTouch = now;
    void commands.vaultTouch();
  }
}

export const session = new Session();
