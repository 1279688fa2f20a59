// The one setting that decides how the app writes and reads dates, times, numbers and plurals.
// Everything that formats or parses for people takes the locale from here, so another locale
// later is a change of this setting, not a rewrite.

/** The app's locale (a BCP 47 tag). British English unless changed. */
export const locale = { tag: "en-GB" };

/** Plural categories of the current locale (cached per tag). */
let rules: { tag: string; rules: Intl.PluralRules } | null = null;

/** Picks the word for a count by the locale's plural rules: `pluralWord(1, "claim", "claims")`
 * → "claim"; `pluralWord(0, …)` → "claims". */
export function pluralWord(count: number, one: string, other: string): string {
  if (rules?.tag !== locale.tag) rules = { tag: locale.tag, rules: new Intl.PluralRules(locale.tag) };
  return rules.rules.select(count) === "one" ? one : other;
}

/** "1 contribution", "3 contributions", "no contributions" for none. The plural is the
 * singular with an "s" unless given. */
export function count(n: number, one: string, other = `${one}s`): string {
  if (n === 0) return `no ${other}`;
  return `${n.toLocaleString(locale.tag)} ${pluralWord(n, one, other)}`;
}
