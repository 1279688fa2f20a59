// target/bench/report.json: a list of {name, value, unit, target, pass}. The Rust benchmarks
// write it through crates/core/benches/support; bench-app.mjs through mergeFigures below.
// Run on its own (the last step of `make bench`) it prints the whole report as one table and
// exits 1 when a figure missed its target or a required figure is missing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const repo = resolve(import.meta.dirname, "..");
const path = join(repo, "target/bench/report.json");
const REQUIRED = ["dashboard", "search", "list", "pdf_1y", "pdf_10y", "cipher_ratio", "startup", "rss", "deb_size"];

function read() {
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : [];
}

function table(entries) {
  const pad = (s, n) => String(s).padEnd(n);
  console.log(`${pad("benchmark", 28)} ${"value".padStart(12)} ${pad("unit", 5)}  ${pad("target", 52)} result`);
  for (const e of entries) {
    console.log(`${pad(e.name, 28)} ${e.value.toFixed(3).padStart(12)} ${pad(e.unit, 5)}  ${pad(e.target, 52)} ${e.pass ? "pass" : "MISS"}`);
  }
}

/** Adds the figures to the report (replacing same-named ones), prints them; true when all pass. */
export function mergeFigures(figures) {
  const entries = read().filter((e) => !figures.some((f) => f.name === e.name));
  for (const f of figures) entries.push({ ...f, value: Math.round(f.value * 1000) / 1000 });
  mkdirSync(join(repo, "target/bench"), { recursive: true });
  writeFileSync(path, JSON.stringify(entries, null, 2));
  table(figures);
  console.log(`report: ${path}`);
  return figures.every((f) => f.pass);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const entries = read();
  console.log("\nAll figures (target/bench/report.json):");
  table(entries);
  const missing = REQUIRED.filter((n) => !entries.some((e) => e.name === n));
  const missed = entries.filter((e) => !e.pass).map((e) => e.name);
  if (missing.length) console.log(`Missing: ${missing.join(", ")}`);
  if (missed.length) console.log(`Missed their targets: ${missed.join(", ")}`);
  process.exitCode = missing.length || missed.length ? 1 : 0;
}
