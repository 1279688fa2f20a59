// Pure formatting and parsing of what screens show and people type: minutes, money, dates, sizes.
// No state and no calls to the core, so every function here is tested on its own.
import type { Contribution, Payment } from "../bindings";
import { t } from "../words.svelte";
import { locale } from "./locale";

/** The label of a choice value, or the value itself when unknown. */
export function labelOf<T>(list: { value: T; label: string }[] | undefined, value: T | null | undefined): string {
  return list?.find((c) => c.value === value)?.label ?? String(value ?? "");
}

/** 95 → "1 h 35 min"; 0 → "0 min". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t("time-minutes", { m });
  return m === 0 ? t("time-hours", { h }) : t("time-hours-minutes", { h, m });
}

const pounds = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });

/** 123456 → "£1,234.56". */
export function formatPence(pence: number): string {
  return pounds.format(pence / 100);
}

/** "12.5" or "£12.50" → 1250; "" → 0; anything else → null. */
export function penceFrom(text: string): number | null {
  const t = String(text).trim().replace(/^£/, "").replace(/,/g, "");
  if (t === "") return 0;
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  const [whole, frac = ""] = t.split(".");
  return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
}

/** 1250 → "12.50" for an input box. */
export function poundsText(pence: number): string {
  return (pence / 100).toFixed(2);
}

/** A whole number of minutes typed in a box: "" → 0, otherwise a non-negative integer or null. */
export function minutesFrom(text: string): number | null {
  const t = String(text).trim();
  if (t === "") return 0;
  return /^\d+$/.test(t) ? Number(t) : null;
}

/** Hours typed in a box — "6", "7.5" or "6:30" — as whole minutes; null when it is not that. */
export function minutesFromHours(text: string): number | null {
  const t = String(text).trim();
  const clock = /^(\d{1,3}):([0-5]\d)$/.exec(t);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  return /^\d{1,3}(\.\d{1,2})?$/.test(t) ? Math.round(Number(t) * 60) : null;
}

/** 390 → "6.5" for an hours box (whole hours without a point). */
export function hoursText(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

/** Today's date where the person is, `YYYY-MM-DD`. */
export function today(d = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The day after the same date a year earlier: "2026-03-04" → "2025-03-05" (a year to `day`). */
export function yearBefore(day: string): string {
  const d = new Date(`${day}T12:00:00`);
  d.setFullYear(d.getFullYear() - 1);
  d.setDate(d.getDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** "2025-03-04" → "Tue 4 Mar 2025". */
export function formatDate(date: string | null | undefined): string {
  if (!date) return "";
  const [y, m, d] = date.split("-").map(Number);
  return new Date(y, m - 1, d).toLocaleDateString(locale.tag, { weekday: "short", day: "numeric", month: "short", year: "numeric" });
}

/** An RFC 3339 moment → "23 November 2026 at 18:30" in local time. */
export function formatMoment(stamp: string | null | undefined): string {
  if (!stamp) return "";
  const d = new Date(stamp);
  if (Number.isNaN(d.getTime())) return stamp;
  const day = d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  const time = d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  return `${day} at ${time}`;
}

/** A size in bytes → "1 KB", "820 KB" or "2.4 MB". */
export function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A size in KiB → "820 KB" or "2.4 MB". */
export function formatKib(kib: number): string {
  return kib < 1024 ? `${kib} KB` : `${(kib / 1024).toFixed(1)} MB`;
}

/** Preparation + meeting + travel minutes. */
export function totalMinutes(c: Contribution): number {
  return c.prep_minutes + c.meeting_minutes + c.travel_minutes;
}

/** The sum of a contribution's expenses. */
export function expensesPence(c: Contribution): number {
  return c.expenses.reduce((s, x) => s + x.amount_pence, 0);
}

/** A participant's payment line: fee plus expenses (the core keeps a declined fee at £0). */
export function paymentTotal(p: Payment): number {
  return p.fee_pence + p.expenses.reduce((sum, e) => sum + e.amount_pence, 0);
}

/** A due date that has passed while the action is still open. */
export function isOverdue(due: string | null | undefined, open = true): boolean {
  return open && !!due && due < today();
}
