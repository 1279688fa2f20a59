// The window's words: every label, hint and notice comes from the message catalogues in
// `locales/<tag>/app.ftl` (Fluent, the same format and folders the core reads for the reports),
// in the language chosen in Settings. See docs/translation.md.
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import type { Language } from "./bindings";
import { locale } from "./data/locale";

const SOURCES = import.meta.glob<string>("../../../locales/*/app.ftl", { query: "?raw", import: "default", eager: true });

/** The languages the window speaks, each by its own name. */
export const LANGUAGES: { value: Language; label: string }[] = [
  { value: "en-GB", label: "English" },
  { value: "cy", label: "Cymraeg" },
];

function bundleOf(lang: Language): FluentBundle {
  // Plural rules are looked up by the language alone ("en", "cy").
  const bundle = new FluentBundle(lang.split("-")[0], { useIsolating: false });
  const source = Object.entries(SOURCES).find(([path]) => path.includes(`/locales/${lang}/`))?.[1] ?? "";
  bundle.addResource(new FluentResource(source));
  return bundle;
}

const BUNDLES: Record<Language, FluentBundle> = { "en-GB": bundleOf("en-GB"), cy: bundleOf("cy") };

/** Where the last language chosen is kept, so the start screens speak it before the records are
 * unlocked. It is a setting, not a record: kept in the web view's own storage. */
const REMEMBERED = "alongside-language";

function remembered(): Language | null {
  try {
    const lang = globalThis.localStorage?.getItem(REMEMBERED);
    return lang === "cy" || lang === "en-GB" ? lang : null;
  } catch {
    return null;
  }
}

class Words {
  /** The window's language; reading it makes a component follow a change. */
  lang = $state<Language>("en-GB");
}

/** The window's language. */
export const words = new Words();

/** Changes the window's language: every label, the page's `lang` and how dates and numbers are
 * written follow at once. */
export function setLanguage(lang: Language): void {
  words.lang = lang;
  locale.tag = lang;
  if (typeof document !== "undefined") document.documentElement.lang = lang;
  try {
    globalThis.localStorage?.setItem(REMEMBERED, lang);
  } catch {
    // A web view without storage starts in English next time.
  }
}

// The language chosen last time, from the first screen on.
const last = remembered();
if (last && last !== "en-GB") setLanguage(last);

function format(bundle: FluentBundle, id: string, args?: Record<string, FluentVariable>): string | null {
  const message = bundle.getMessage(id);
  if (!message?.value) return null;
  const errors: Error[] = [];
  const text = bundle.formatPattern(message.value, args, errors);
  return errors.length === 0 ? text : null;
}

/** A message in the window's language (English when the language lacks it). Numbers in `args`
 * pick the plural form: `t("prefs-weeks", { n: 3 })`. */
export function t(id: string, args?: Record<string, FluentVariable>): string {
  const text = format(BUNDLES[words.lang], id, args) ?? format(BUNDLES["en-GB"], id, args);
  if (text === null) {
    console.warn(`A message is missing from every catalogue: ${id}`);
    return id;
  }
  return text;
}

/** Whether a language's catalogue has a message (for the catalogue tests). */
export function has(lang: Language, id: string): boolean {
  return BUNDLES[lang].hasMessage(id);
}
