// The window's message catalogue: every message used exists, every message exists because it is
// used, and no English is left written into a screen that has moved to the catalogue. (The
// Rust tests check that every language has every message and its own plural forms.)
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { has, setLanguage, t } from "./words.svelte";

// Vitest runs in ui/.
const SRC = join(process.cwd(), "src");
const CATALOGUE = join(process.cwd(), "../locales/en-GB/app.ftl");

/** Screens and parts whose words are not in the catalogue yet: this list only shrinks (the test
 * fails when a file on it has no English left, so it comes off). */
const NOT_YET_MOVED = new Set(
  readFileSync(join(SRC, "lib/words-not-yet-moved.txt"), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#")),
);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "mock" ? [] : files(path);
    return /\.(svelte|ts)$/.test(name) && !/\.test\.ts$/.test(name) && name !== "bindings.ts" ? [path] : [];
  });
}

const ids = [...readFileSync(CATALOGUE, "utf8").matchAll(/^([a-zA-Z][\w-]*) =/gm)].map((m) => m[1]);
const sources = files(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, "utf8") }));

/** The markup of a component with its script, style, comments and `{…}` expressions taken out. */
function markup(text: string): string {
  let out = text
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<!--[\s\S]*?-->/g, "");
  // Expressions nest ({a ? `${b}` : {c}}); take out the innermost until none are left.
  for (let before = ""; before !== out;) {
    before = out;
    out = out.replace(/\{[^{}]*\}/g, "");
  }
  return out;
}

/** English written into a component: text between tags, words in the attributes people read,
 * and sentence-like strings in its script. Brand and key names are not words to translate. */
function literals(path: string, text: string): string[] {
  const found: string[] = [];
  const words = /[A-Za-z]{2,}/;
  const allowed = (s: string) => /^(Alongside|Ctrl\+\w|[A-Z]{2,5}|×|·)$/.test(s.trim());
  if (path.endsWith(".svelte")) {
    const m = markup(text);
    for (const [, node] of m.matchAll(/>([^<>]+)</g)) if (words.test(node) && !allowed(node)) found.push(node.trim());
    for (const [, , value] of m.matchAll(/\s(label|hint|aria-label|placeholder|title|alt|legend)="([^"]*)"/g))
      if (words.test(value) && !allowed(value)) found.push(value);
  }
  // Sentence-like strings anywhere in the code: the script and the markup's expressions.
  const script = text.replace(/<style[\s\S]*?<\/style>/g, "").replace(/<!--[\s\S]*?-->/g, "");
  for (const line of script.split("\n")) {
    if (/^\s*(\/\/|\*|\/\*\*)|console\.|import /.test(line)) continue;
    for (const [, s] of line.matchAll(/["`]([A-Z][a-z']+(?: [A-Za-z'’,.:;?!()£0-9-]+){2,})["`]/g)) found.push(s);
  }
  return found;
}

describe("the window's message catalogue", () => {
  it("has every message the window asks for", () => {
    const asked = new Set(sources.flatMap((s) => [...s.text.matchAll(/\bt\(\s*"([a-zA-Z][\w-]*)"/g)].map((m) => m[1])));
    const missing = [...asked].filter((id) => !has("en-GB", id));
    expect(missing).toEqual([]);
  });

  it("has no message the window does not use", () => {
    const all = sources.map((s) => s.text).join("\n");
    const unused = ids.filter((id) => !all.includes(`"${id}"`));
    expect(unused).toEqual([]);
  });

  it("leaves no English written into a screen that has moved to the catalogue", () => {
    const left = sources
      .filter((s) => !NOT_YET_MOVED.has(s.path))
      .map((s) => ({ file: s.path, english: literals(s.path, s.text) }))
      .filter((f) => f.english.length > 0);
    expect(left).toEqual([]);
  });

  it("lists as not yet moved only files that still have English in them", () => {
    const done = [...NOT_YET_MOVED].filter((path) => {
      const source = sources.find((s) => s.path === path);
      return !source || literals(path, source.text).length === 0;
    });
    expect(done).toEqual([]);
  });

  it("speaks Welsh, plurals included, and falls back to English for nothing", () => {
    setLanguage("cy");
    try {
      expect(t("nav-settings")).toBe("Gosodiadau");
      expect(t("prefs-weeks", { n: 2 })).toBe("2 wythnos");
      expect(t("frame-deleted-with", { what: "y cyfarfod", n: 2 })).toBe("Dilëwyd y cyfarfod a 2 gofnod a oedd yn perthyn iddo.");
      expect(document.documentElement.lang).toBe("cy");
      for (const id of ids) expect(has("cy", id), id).toBe(true);
    } finally {
      setLanguage("en-GB");
    }
    expect(t("frame-deleted-with", { what: "the meeting", n: 1 })).toBe("Deleted the meeting and 1 record that belonged to it.");
  });
});
