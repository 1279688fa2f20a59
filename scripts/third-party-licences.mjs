// Writes the licences of the web packages built into the app and of the report fonts to
// target/licences/third-party-web-and-fonts.txt, and fails on a package whose licence about.toml
// does not accept (the same list `cargo about` checks the Rust crates against).
// Needs target/licences/web-packages.json, written by the UI build (ui/vite.config.ts).
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const out = join(root, "target/licences");
const about = readFileSync(join(root, "about.toml"), "utf8");
const accepted = new Set(
  [
    ...about
      .slice(about.indexOf("accepted"))
      .split("]")[0]
      .matchAll(/"([^"]+)"/g),
  ].map((m) => m[1]),
);

/** Whether an SPDX expression such as "(MIT OR Apache-2.0)" is allowed. */
function allowed(expression) {
  const plain = expression.replace(/[()]/g, "").trim();
  if (plain.includes(" AND "))
    return plain.split(" AND ").every((part) => allowed(part));
  return plain.split(" OR ").some((choice) => accepted.has(choice.trim()));
}

const listFile = join(out, "web-packages.json");
if (!existsSync(listFile)) {
  console.error(
    `${listFile} is missing: build the UI first (cd ui && npm run build).`,
  );
  process.exit(1);
}
const sections = [];
const refused = [];
for (const dir of JSON.parse(readFileSync(listFile, "utf8"))) {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const licence = typeof pkg.license === "string" ? pkg.license : "UNKNOWN";
  if (!allowed(licence)) refused.push(`${pkg.name} ${pkg.version}: ${licence}`);
  const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  const text = file
    ? readFileSync(join(dir, file), "utf8").trim()
    : `(no licence file; ${licence})`;
  sections.push(`${pkg.name} ${pkg.version} — ${licence}\n\n${text}`);
}
if (refused.length > 0) {
  console.error(
    `Licences not accepted in about.toml:\n  ${refused.join("\n  ")}`,
  );
  process.exit(1);
}
const fonts = readFileSync(
  join(root, "crates/export/fonts/NOTICE"),
  "utf8",
).trim();
const rule = "\n\n" + "=".repeat(72) + "\n\n";
const text =
  "Web packages built into Alongside's window, then the fonts its reports use.\n" +
  "(The Rust crates are in third-party-licences.html.)" +
  rule +
  sections.join(rule) +
  rule +
  "Report fonts\n\n" +
  fonts +
  "\n";
writeFileSync(join(out, "third-party-web-and-fonts.txt"), text);
console.log(
  `Licences of ${sections.length} web packages and the report fonts written.`,
);
