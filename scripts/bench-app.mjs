// The desktop app's figures for `make bench` (docs/performance.md): start-up of the release app to the
// overview on an unlocked (keyring) vault of 100,000 contributions, the resident memory of the
// app and its web view processes idle on that overview, and the size of the .deb.
// Run inside Xvfb and a keyring session (the Makefile does both). Merges its figures into
// target/bench/report.json; exits 1 when one misses its target.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { mergeFigures } from "./bench-report.mjs";

const repo = resolve(import.meta.dirname, "..");
const app = join(repo, "target/release/alongside-app");
const cli = join(repo, "target/release/alongside");
const contributions = Number(process.env.ALONGSIDE_BENCH_CONTRIBUTIONS ?? 100000);
const RUNS = 5;
const IDLE_MS = 8000;
const PASS = "benchmark passphrase words";

for (const bin of [app, cli]) if (!existsSync(bin)) throw new Error(`${bin} is missing: build the release app first`);

const data = mkdtempSync(join(tmpdir(), "alongside-bench-app-"));
const env = { ...process.env, ALONGSIDE_DATA_DIR: data, ALONGSIDE_PASSPHRASE: PASS };
console.log(`Making a keyring vault of ${contributions} contributions in ${data} …`);
execFileSync(cli, ["init", "--remember"], { env, stdio: ["ignore", "ignore", "inherit"] });
execFileSync(cli, ["demo", "--contributions", String(contributions), "--seed", "1"], { env, stdio: ["ignore", "ignore", "inherit"] });

/** Every process below `pid` (the web view's processes are the app's children). */
function descendants(pid) {
  const parents = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(name), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  const found = [pid];
  for (let i = 0; i < found.length; i++) for (const [p, pp] of parents) if (pp === found[i]) found.push(p);
  return found;
}

/** Sum of a /proc field in kB over the processes (VmRSS from status, Pss from smaps_rollup). */
function sumKb(pids, file, field) {
  let kb = 0;
  for (const pid of pids) {
    try {
      const m = readFileSync(`/proc/${pid}/${file}`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
      if (m) kb += Number(m[1]);
    } catch {
      // The process ended while we looked.
    }
  }
  return kb;
}

/** The app, started without the passphrase: it must unlock from the keyring. */
const APP = {
  command: app,
  args: [],
  env: { ...process.env, ALONGSIDE_DATA_DIR: data, ALONGSIDE_REPORT_STARTUP: "1" },
  shown: /alongside-shown-ms ([\d.]+)/,
};
/** A bare WebKitGTK window with a one-heading page: what the platform costs before Alongside. */
const FLOOR = {
  command: "/usr/bin/python3",
  args: [join(repo, "scripts/webkit-floor.py")],
  env: process.env,
  shown: /webkit-floor-shown-ms ([\d.]+)/,
};

/** Starts `what`, resolves with the milliseconds until it showed its page (and its memory). */
function startOnce(what, measureMemory) {
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const child = spawn(what.command, what.args, { env: what.env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      fail(new Error(`${what.command} did not show its page within 60 s\n${err.slice(-2000)}`));
    }, 60000);
    child.stderr.on("data", (d) => (err += d));
    child.stdout.on("data", async (d) => {
      out += d;
      const m = out.match(what.shown);
      if (!m || child.measured) return;
      child.measured = true;
      const externalMs = Number(process.hrtime.bigint() - started) / 1e6;
      let memory = null;
      if (measureMemory) {
        await new Promise((r) => setTimeout(r, IDLE_MS));
        const pids = descendants(child.pid);
        const byName = {};
        for (const pid of pids) {
          let name = "gone";
          try {
            name = readFileSync(`/proc/${pid}/comm`, "utf8").trim();
          } catch {
            // The process ended while we looked.
          }
          byName[name] = (byName[name] ?? 0) + sumKb([pid], "status", "VmRSS") / 1024;
        }
        memory = {
          processes: pids.length,
          rssMiB: sumKb(pids, "status", "VmRSS") / 1024,
          pssMiB: sumKb(pids, "smaps_rollup", "Pss") / 1024,
          byName,
        };
      }
      clearTimeout(timer);
      child.kill("SIGTERM");
      // The app also says when, in the page's own clock, its script ran, the vault's status
      // and the overview's figures arrived, and the overview was drawn.
      const p = out.match(/page script ([\d.]+) status ([\d.]+) dashboard ([\d.]+) drawn ([\d.]+)/);
      const page = p ? { script: Number(p[1]), status: Number(p[2]), dashboard: Number(p[3]), drawn: Number(p[4]) } : null;
      child.on("exit", () => done({ externalMs, insideMs: Number(m[1]), page, memory }));
    });
    child.on("error", fail);
  });
}

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)];

const first = await startOnce(APP, false);
const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await startOnce(APP, false));
const idle = await startOnce(APP, true);
rmSync(data, { recursive: true, force: true });
const floorRuns = [];
for (let i = 0; i < RUNS; i++) floorRuns.push(await startOnce(FLOOR, false));
const floorIdle = await startOnce(FLOOR, true);

const debDir = join(repo, "target/release/bundle/deb");
const debs = existsSync(debDir) ? readdirSync(debDir).filter((f) => f.endsWith(".deb")) : [];
if (debs.length === 0) throw new Error("no .deb in target/release/bundle/deb: run make package first");
const debMB = statSync(join(debDir, debs[0])).size / 1e6;

const startup = median(runs.map((r) => r.externalMs));

/** Where start-up went: medians of each phase, from the app's own moments. */
function startupPhases(runs) {
  const timed = runs.filter((r) => r.page);
  if (timed.length === 0) return [];
  const phase = (name, target, f) => ({ name, value: median(timed.map(f)), unit: "ms", target, pass: true });
  return [
    phase("startup_before_page", "run() to the page loading: window, web view processes (plus one IPC hop)", (r) => r.insideMs - r.page.drawn),
    phase("startup_page_script", "page loading to the app's script running", (r) => r.page.script),
    phase("startup_page_status", "script to the vault's status (keyring unlock)", (r) => r.page.status - r.page.script),
    phase("startup_page_dashboard", "status to the overview's figures", (r) => r.page.dashboard - r.page.status),
    phase("startup_page_drawn", "figures to the overview drawn (two frames)", (r) => r.page.drawn - r.page.dashboard),
  ];
}
const figures = [
  { name: "startup", value: startup, unit: "ms", target: `≤ 400 (launch to overview, median of ${RUNS})`, pass: startup <= 400 },
  { name: "startup_first", value: first.externalMs, unit: "ms", target: "first launch after building, report", pass: true },
  { name: "startup_in_process", value: median(runs.map((r) => r.insideMs)), unit: "ms", target: "run() to overview, report", pass: true },
  ...startupPhases(runs),
  { name: "rss", value: idle.memory.rssMiB, unit: "MiB", target: `≤ 150 (app + ${idle.memory.processes - 1} web view processes, idle ${IDLE_MS / 1000} s)`, pass: idle.memory.rssMiB <= 150 },
  {
    name: "startup_webkit_floor",
    value: median(floorRuns.map((r) => r.externalMs)),
    unit: "ms",
    target: "bare WebKitGTK page, same moment, report",
    pass: true,
  },
  { name: "rss_webkit_floor", value: floorIdle.memory.rssMiB, unit: "MiB", target: "bare WebKitGTK page, same count, report", pass: true },
  { name: "pss", value: idle.memory.pssMiB, unit: "MiB", target: "same processes, shared pages split, report", pass: true },
  ...Object.entries(idle.memory.byName).map(([process, mib]) => ({
    name: `rss_${process}`,
    value: mib,
    unit: "MiB",
    target: "one process of rss, report",
    pass: true,
  })),
  { name: "deb_size", value: debMB, unit: "MB", target: "≤ 12", pass: debMB <= 12 },
];
process.exitCode = mergeFigures(figures) ? 0 : 1;
