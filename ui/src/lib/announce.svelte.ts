// What a screen reader should hear when something happens away from where the person is:
// saved, deleted (with undo), brought back, locked, and problems. Two live regions that are on the
// page from the start (a region added together with its text is often not read): polite for
// news, assertive for problems. The same words said twice are said again.

type Politeness = "polite" | "assertive";

class Announcer {
  /** The polite region's text. */
  polite = $state("");
  /** The assertive region's text. */
  assertive = $state("");
  private timers: Partial<Record<Politeness, ReturnType<typeof setTimeout>>> = {};

  /** Says `text`: emptied first, then filled a moment later, so a repeat is news too. */
  say(text: string, politeness: Politeness = "polite") {
    clearTimeout(this.timers[politeness]);
    this[politeness] = "";
    this.timers[politeness] = setTimeout(() => {
      this[politeness] = text;
    }, 50);
  }
}

/** The one announcer, shown by `Announcer.svelte` at the top of the app. */
export const announcer = new Announcer();

/** Says `text` to screen readers (politely unless it is a problem). */
export function announce(text: string, politeness: Politeness = "polite") {
  announcer.say(text, politeness);
}
