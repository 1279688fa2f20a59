// Reading the dates and times people type the way they write them (21/1/26, 21 Jan, yesterday,
// 6.30pm), and writing them back in the app's locale. The core stores `YYYY-MM-DD` and `HH:MM`.
// Words are read by chrono-node; all-number dates are read here, strictly day first, because
// chrono quietly reads 1/13/2026 as 13 January.
import * as chrono from "chrono-node/en";
import { locale } from "./locale";

/** The years the core accepts (`YEARS` in crates/core/src/records/validate.rs). */
const YEARS = [1950, 2100] as const;

const pad = (n: number) => String(n).padStart(2, "0");

/** A real calendar day within the accepted years as `YYYY-MM-DD`, or null. */
function isoDay(y: number, m: number, d: number): string | null {
  const date = new Date(y, m - 1, d, 12);
  const real = date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d;
  return real && y >= YEARS[0] && y <= YEARS[1] ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** Reads a typed date: "" for nothing typed, `YYYY-MM-DD` for a real day, null otherwise.
 * Numbers are day, month, year (year optional, two digits mean 20xx); words such as "21 Jan",
 * "today" or "last Friday" are read relative to `now`. */
export function parseDay(text: string, now = new Date()): string | null {
  const t = text.trim();
  if (t === "") return "";
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) return isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})(?:\s*[/.\-\s]\s*(\d{2}|\d{4}))?$/.exec(t);
  if (numeric) {
    const year = numeric[3] === undefined ? now.getFullYear() : Number(numeric[3]) + (numeric[3].length === 2 ? 2000 : 0);
    return isoDay(year, Number(numeric[2]), Number(numeric[1]));
  }
  if (/^[\d\s/.-]+$/.test(t)) return null;
  const parser = locale.tag === "en-US" ? chrono.casual : chrono.GB;
  const found = parser.parse(t, now);
  // Only a reading of the whole text counts: "meeting on 5 May" is not a date.
  if (found.length !== 1 || found[0].index !== 0 || found[0].text.length !== t.length) return null;
  if (found[0].start.isCertain("hour")) return null;
  const d = found[0].start.date();
  return isoDay(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** Reads a typed clock time: "" for nothing, `HH:MM` (24-hour) for a time, null otherwise.
 * Takes 18:30, 18.30, 1830, 6pm, 6.30 pm, 9 (09:00), noon and midday. */
export function parseTime(text: string): string | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/(\d)\.(\d)/g, "$1:$2")
    .replace(/\./g, "");
  if (t === "") return "";
  if (t === "noon" || t === "midday") return "12:00";
  const m = /^(\d{1,2})(?::?(\d{2}))?\s*(am|pm)?$/.exec(t);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  if (m[3]) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (m[3] === "pm" ? 12 : 0);
  }
  return hour <= 23 && minute <= 59 ? `${pad(hour)}:${pad(minute)}` : null;
}

/** `YYYY-MM-DD` → the short numeric form people type ("21/01/2026" in en-GB). */
export function dayText(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(y, m - 1, d, 12).toLocaleDateString(locale.tag, { day: "2-digit", month: "2-digit", year: "numeric" });
}

/** `YYYY-MM-DD` → the day in full, to check what was read: "Wednesday 21 January 2026". */
export function dayInFull(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  const parts = new Intl.DateTimeFormat(locale.tag, { weekday: "long", day: "numeric", month: "long", year: "numeric" }).formatToParts(
    new Date(y, m - 1, d, 12),
  );
  // The parts in the locale's order, without the commas engines disagree about.
  return parts
    .filter((p) => p.type !== "literal")
    .map((p) => p.value)
    .join(" ");
}
