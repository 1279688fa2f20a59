// Read aloud: one reading at a time for the whole window (the shell's speech service reads one
// text at a time too). A control starts a reading as its "owner"; the shell's events say where
// each reading has got to, by its number, so a stopped reading's last event never disturbs the
// next one. Each control listens to the events while it is on screen and hands them to `hear`.
import { commands, type Language, type Speech } from "./bindings";
import { t } from "./words.svelte";

type Shown = "idle" | "starting" | "speaking" | "paused";

class Reading {
  /** Which control started the reading under way. */
  owner = $state<string | null>(null);
  /** Where it has got to, as the controls show it. */
  shown = $state<Shown>("idle");
  /** Why the last reading could not start, in words for the person. */
  problem = $state<string | null>(null);
  private id: number | null = null;
  /** The last step heard of each reading (events can arrive before its number is known). */
  private heard = new Map<number, Speech>();

  /** A step of reading number `reading`, from the shell's event. */
  hear(reading: number, speech: Speech) {
    this.heard.set(reading, speech);
    if (reading === this.id) this.show(speech);
  }

  private show(speech: Speech) {
    if (speech === "finished" || speech === "stopped") {
      this.shown = "idle";
      this.owner = null;
      this.id = null;
    } else this.shown = speech;
  }

  /** Reads `text` in `language` for the control `owner`, stopping any reading before it. */
  async start(owner: string, text: string, language: Language) {
    this.problem = null;
    this.owner = owner;
    this.shown = "starting";
    this.id = null;
    const res = await commands.readAloud(text, language);
    if (this.owner !== owner) return;
    if (res.status === "error") {
      // The owner stays, so its control shows why.
      this.shown = "idle";
      const e = res.error;
      this.problem = e.code === "io" ? t("read-aloud-no-service") : e.code === "invalid_input" ? t("read-aloud-no-voice") : t("read-aloud-failed");
      return;
    }
    this.id = res.data;
    this.show(this.heard.get(res.data) ?? "speaking");
  }

  async pause() {
    await commands.readAloudPause();
  }

  async resume() {
    await commands.readAloudResume();
  }

  async stop() {
    await commands.readAloudStop();
  }
}

/** The window's one reading. */
export const reading = new Reading();

/** The words of `el` as it shows them (its text with line breaks where the blocks are). */
export function textOf(el: HTMLElement | null | undefined): string {
  if (!el) return "";
  // (The test's document has no layout, so no `innerText`: its plain text stands in.)
  return el.innerText ?? el.textContent ?? "";
}
