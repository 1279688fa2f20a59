import { afterEach, describe, expect, it } from "vitest";
import { count, locale, pluralWord } from "./locale";

afterEach(() => {
  locale.tag = "en-GB";
});

describe("counted words", () => {
  it("says none, one and many the British English way", () => {
    expect(count(0, "claim")).toBe("no claims");
    expect(count(1, "claim")).toBe("1 claim");
    expect(count(2, "claim")).toBe("2 claims");
    expect(count(1, "consent entry", "consent entries")).toBe("1 consent entry");
    expect(count(3, "consent entry", "consent entries")).toBe("3 consent entries");
    expect(count(12_000, "contribution")).toBe("12,000 contributions");
  });

  it("follows the locale's plural rules, not a rule of its own", () => {
    // Welsh has six plural categories; "one" is only 1.
    locale.tag = "cy";
    expect(pluralWord(1, "one", "other")).toBe("one");
    expect(pluralWord(2, "one", "other")).toBe("other");
    // French counts 0 and 1 as singular.
    locale.tag = "fr";
    expect(pluralWord(0, "one", "other")).toBe("one");
  });
});
