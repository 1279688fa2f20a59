// Accessibility walk: the built UI (mock IPC) in Debian's Chromium, axe on every screen and
// state in the light, dark and high-contrast themes and with text at twice the normal size, and
// at 320 CSS px in each. Exits non-zero on any violation.
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";

const ROOT = new URL("../../dist-mock/", import.meta.url).pathname;
const SHOTS = new URL("../../../target/ui-screenshots/", import.meta.url).pathname;
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png" };

const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^\/+/, "");
  try {
    const body = await readFile(join(ROOT, path || "index.html"));
    res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "text/html" });
    res.end(body);
  } catch {
    const body = await readFile(join(ROOT, "index.html"));
    res.writeHead(200, { "content-type": "text/html" });
    res.end(body);
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}/`;
await mkdir(SHOTS, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

let failures = 0;
let checked = 0;
async function audit(page, name) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  checked++;
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
  for (const v of results.violations) {
    failures++;
    console.error(`✗ ${name}: ${v.id} (${v.impact}) ${v.help}`);
    for (const n of v.nodes.slice(0, 3)) console.error(`    ${n.target.join(" ")} — ${n.failureSummary?.split("\n").join(" ")}`);
  }
  const slips = await wordSlips(page);
  for (const slip of slips) {
    failures++;
    console.error(`✗ ${name}: words: "${slip}"`);
  }
  if (!results.violations.length && !slips.length) console.log(`✓ ${name}`);
}

/** Plural slips in what the screen shows (text, labels, hints, accessible names): a count of one
 * with a plural word ("1 contributions"), a zero count where "No …" reads better ("0 claims
 * waiting"), and "1 … their …" for a single thing. */
async function wordSlips(page) {
  const text = await page.evaluate(() => {
    const names = [...document.querySelectorAll("[aria-label],[title],[placeholder]")].map((e) =>
      ["aria-label", "title", "placeholder"].map((a) => e.getAttribute(a) ?? "").join(" "),
    );
    return [document.body.innerText, ...names].join("\n");
  });
  const slips = [];
  const patterns = [
    /(?<![\d.,£:/-])1 (?!(?:[a-z]+ss|this|is|was|has|as|us|yes|bus|plus)\b)[a-z]+s\b/g,
    /(?<![\d.,£:/-])0 (?!min\b)[a-z]{3,}s\b/g,
    /(?<![\d.,£:/-])1 [a-z]+ (?:is|are) past their\b/g,
  ];
  for (const pattern of patterns) for (const m of text.matchAll(pattern)) slips.push(m[0]);
  return [...new Set(slips)];
}

// Each look: its name in screenshots and messages, and the page's query for it.
const LOOKS = [
  ["light", "theme=light"],
  ["dark", "theme=dark"],
  ["high-contrast", "theme=high_contrast"],
  ["text-200", "theme=light&text=double"],
  // Windows' contrast themes: the system's colours replace the page's (forced colours).
  ["forced-colors", "theme=system", { forcedColors: "active" }],
];
for (const [theme, look, media = {}] of LOOKS) {
  const context = await browser.newContext({ viewport: { width: 1120, height: 780 }, ...media });
  const page = await context.newPage();
  page.on("pageerror", (e) => {
    failures++;
    console.error(`✗ page error (${theme}): ${e.message}`);
  });
  await page.goto(`${base}?vault=none&${look}`);
  await page.getByRole("heading", { name: "Welcome to Alongside" }).waitFor();
  await audit(page, `${theme}-welcome`);
  await page.getByRole("button", { name: "Restore from a backup" }).click();
  await page.getByRole("button", { name: "Choose a backup file…" }).click();
  await page.getByText(/This backup was made on/).waitFor();
  await audit(page, `${theme}-restore-first-run`);
  await page.getByRole("button", { name: "Back", exact: true }).click();

  await page.getByRole("button", { name: "Set up my locked records" }).click();
  await page.getByRole("heading", { name: "Choose a passphrase" }).waitFor();
  await page.getByLabel("Passphrase", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Lock my records with it" }).click();
  await page.getByText("Use at least 10 characters. A few").first().waitFor();
  await audit(page, `${theme}-create-errors`);
  await page.getByLabel("Passphrase", { exact: true }).fill("correct horse battery staple");
  await page.getByLabel("Type it again", { exact: true }).fill("correct horse battery staple");
  await page.getByText(/Strength:/).waitFor();
  await audit(page, `${theme}-create-filled`);
  await page.getByRole("button", { name: "Lock my records with it" }).click();

  await page.getByRole("heading", { name: "Save your recovery code" }).waitFor();
  await audit(page, `${theme}-recovery-code`);
  await page.getByLabel("I have saved my recovery code somewhere safe", { exact: true }).check();
  await page.getByRole("button", { name: "Continue" }).click();

  await page.getByRole("navigation", { name: "Main" }).waitFor();
  await audit(page, `${theme}-dashboard`);
  for (const label of ["Projects", "Meetings", "People", "Contributions", "Reflections", "Money", "Search", "Summaries", "Settings"]) {
    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: label }).click();
    await page.locator("main h1").first().waitFor();
    await audit(page, `${theme}-${label.toLowerCase()}`);
  }
  await page.getByLabel("New passphrase", { exact: true }).fill("another fine passphrase");
  await page.getByLabel("New passphrase again", { exact: true }).fill("another fine passphrase");
  await page.getByRole("button", { name: "Change passphrase" }).click();
  const asked = page.getByRole("dialog");
  await asked.getByLabel("Your passphrase", { exact: true }).fill("wrong wrong wrong");
  await asked.getByRole("button", { name: "Change passphrase" }).click();
  await asked.getByText(/did not unlock your records/).waitFor();
  await audit(page, `${theme}-settings-errors`);

  await page.keyboard.press("Control+l");
  await page.getByRole("heading", { name: "Unlock Alongside" }).waitFor();
  await audit(page, `${theme}-unlock`);
  await page.getByLabel("Passphrase", { exact: true }).fill("not it");
  await page.getByRole("button", { name: "Unlock", exact: true }).click();
  await page.getByText("did not unlock your records").waitFor();
  await audit(page, `${theme}-unlock-error`);
  await page.getByRole("button", { name: "Use my recovery code instead" }).click();
  await audit(page, `${theme}-unlock-recovery`);

  // Screens with records (the mock's sample data): lists, details, forms and their errors.
  await page.goto(`${base}?vault=records&${look}`);
  const nav = page.getByRole("navigation", { name: "Main" });
  // Going elsewhere from a typed-in form asks first; the walk leaves without saving.
  let leaveAudited = false;
  const goTo = async (label) => {
    await nav.getByRole("button", { name: label }).click();
    const leave = page.getByRole("button", { name: "Leave without saving" });
    if (await leave.isVisible({ timeout: 500 }).catch(() => false)) {
      if (!leaveAudited) {
        await audit(page, `${theme}-records-leave-dialog`);
        leaveAudited = true;
      }
      await leave.click();
    }
  };
  await page.getByRole("heading", { name: "Your time" }).waitFor();
  await audit(page, `${theme}-records-dashboard`);
  await goTo("Projects");
  await page.getByRole("button", { name: "Open Early psychosis support" }).click();
  await page.getByRole("heading", { name: "Time and money" }).waitFor();
  await audit(page, `${theme}-records-project`);
  await page.getByRole("button", { name: "Change project" }).click();
  await page.getByLabel("Name of the project").fill("");
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.getByText("Add the project's name.").waitFor();
  await audit(page, `${theme}-records-project-error`);
  await goTo("Meetings");
  await page.getByRole("button", { name: /Open Steering committee, March/ }).click();
  await page.getByRole("heading", { name: "Add an action" }).waitFor();
  await audit(page, `${theme}-records-meeting`);
  await page.getByRole("button", { name: "Log my contribution" }).click();
  await page.getByRole("heading", { name: "Log a contribution" }).waitFor();
  await audit(page, `${theme}-records-meeting-log`);
  await page.getByRole("button", { name: "Change or record notes" }).click();
  await page.getByLabel("Someone new").fill("Dr Ada Reid");
  await page.getByLabel("Their role").selectOption("researcher");
  await page.getByRole("button", { name: "Add new person" }).click();
  await page.getByLabel("Role of Dr Ada Reid").waitFor();
  await audit(page, `${theme}-records-meeting-form`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.getByText(/With Dr Ada Reid \(Researcher\)/).waitFor();
  // A session of a project the person runs: register, consent, what people said, "you said, we
  // did", and its export preview.
  await page.getByRole("button", { name: "All meetings" }).click();
  await page.getByRole("button", { name: /Open Workshop 2/ }).click();
  await page.getByRole("heading", { name: "Consent", exact: true }).waitFor();
  await audit(page, `${theme}-records-session`);
  await page.getByLabel("Who said it").selectOption({ label: "Bea Kowalski" });
  await page.getByText("No consent to be quoted is on file for this person.").waitFor();
  await page.getByRole("button", { name: "Add", exact: true }).first().click();
  await page
    .getByText("Add what was said.")
    .or(page.getByText(/what was said/i))
    .first()
    .waitFor();
  await audit(page, `${theme}-records-session-errors`);
  await page.getByRole("button", { name: "Export this session" }).click();
  await page.getByRole("article", { name: /Preview of/ }).waitFor();
  await audit(page, `${theme}-records-session-export`);
  // Paying participants: a payment run, then one line open to change.
  await page.getByRole("button", { name: "Make payment run" }).click();
  await page.getByText(/^Made 1 payment line/).waitFor();
  await page.getByRole("button", { name: "Change Alex Morgan's payment" }).click();
  await page.getByRole("button", { name: "Save payment" }).waitFor();
  await audit(page, `${theme}-records-session-payments`);
  await goTo("People");
  await page.getByRole("button", { name: "Open Alex Morgan" }).click();
  await page.getByRole("heading", { name: "Files that held their words" }).waitFor();
  await audit(page, `${theme}-records-person`);
  await page.getByRole("button", { name: "All people" }).click();
  await page.getByRole("button", { name: "Add a person" }).click();
  await page.getByRole("button", { name: "Save person" }).click();
  await page.getByText("Add a title.").or(page.getByText(/name/i)).first().waitFor();
  await audit(page, `${theme}-records-person-form`);
  await goTo("Contributions");
  await page.getByRole("heading", { name: "Logged so far" }).waitFor();
  await page.getByLabel("Preparation (minutes)").fill("-5");
  await page.getByRole("button", { name: "Save contribution" }).click();
  await page.getByText("Enter whole minutes (0 or more).").waitFor();
  await page.getByText("Fee and expenses").click();
  await audit(page, `${theme}-records-contributions`);
  await page
    .getByRole("button", { name: /^Delete the contribution/ })
    .first()
    .click();
  await page.getByRole("dialog").waitFor();
  await audit(page, `${theme}-records-confirm`);
  await page.getByRole("button", { name: "Delete contribution" }).click();
  await page.getByRole("button", { name: "Undo" }).waitFor();
  await audit(page, `${theme}-records-undo`);
  await page.getByRole("button", { name: "Undo" }).click();
  // A contribution's attached files: a photo's preview, a PDF, one more attached, one detached.
  await page.getByRole("button", { name: /^Change the contribution of .*4 Mar 2026/ }).click();
  await page.getByRole("img", { name: "Preview of Train ticket.jpg" }).waitFor();
  await page.getByRole("button", { name: "Attach files…" }).click();
  await page.getByText(/^Attached 1 file\./).waitFor();
  await page.getByRole("button", { name: "Show larger" }).first().click();
  await page.getByRole("button", { name: "Detach Travel claim form.pdf" }).click();
  await page.getByText("Detached “Travel claim form.pdf”.").waitFor();
  await audit(page, `${theme}-records-attached-files`);
  await goTo("Reflections");
  await page.getByLabel("Template").selectOption("gibbs");
  await page.getByLabel("What were you thinking and feeling?").waitFor();
  await audit(page, `${theme}-records-reflections`);
  await goTo("Money");
  await page.getByRole("button", { name: "Waiting for payment" }).click();
  await page
    .getByRole("button", { name: /as paid today/ })
    .first()
    .waitFor();
  await audit(page, `${theme}-records-money`);
  await page.keyboard.press("Control+k");
  await page.getByLabel("Search everything").fill("consent");
  await page.getByText(/match(es)? for/).waitFor();
  await audit(page, `${theme}-records-search`);
  await goTo("Summaries");
  await page.getByRole("article", { name: /Preview of/ }).waitFor();
  await audit(page, `${theme}-records-summaries`);
  // The preview read aloud: its Pause and Stop buttons while it reads.
  const reader = page.getByRole("group", { name: /^Read aloud: (?!this screen)/ }).first();
  await reader.getByRole("button", { name: "Read aloud" }).click();
  await reader.getByRole("button", { name: "Pause" }).waitFor();
  await audit(page, `${theme}-records-summaries-reading`);
  await reader.getByRole("button", { name: "Stop reading" }).click();
  await page.getByLabel("Payments and expenses statement").check();
  await page.getByRole("article", { name: "Preview of Payments and expenses statement" }).waitFor();
  await page.getByRole("button", { name: "Save…" }).click();
  await page.getByRole("button", { name: "Show in folder" }).waitFor();
  await audit(page, `${theme}-records-summaries-saved`);
  // A claim pack: the organisation's claim details and marking the lines, asked.
  await page.getByLabel("Claim pack").check();
  await page.getByLabel("Your name as they know it").fill("Sam Patel");
  await page.getByRole("button", { name: "Save my details" }).click();
  await page.getByText(/^Saved your claim details/).waitFor();
  await audit(page, `${theme}-records-summaries-claim`);
  // Sharing: the identity (set up first), a contact, a file opened into the Inbox, then sharing a
  // session's record with that contact and its preview.
  await goTo("Sharing");
  await page.getByRole("button", { name: "Make my sharing identity" }).click();
  await page.getByText("Add your name.").waitFor();
  await audit(page, `${theme}-records-sharing-setup`);
  await page.getByLabel("Your name, as others know you").fill("Sam Okafor");
  await page.getByRole("button", { name: "Make my sharing identity" }).click();
  await page.getByText("1324 4922 9836 2380 0281 2457").waitFor();
  await page.getByLabel("Whose identity it is").selectOption({ label: "Alex Morgan" });
  await page.getByLabel("Their identity, pasted").fill("alongside-identity-1:eyJuYW1lIjoiQWxleCJ9");
  await page.getByLabel("Have you checked their sharing code?").selectOption("phone");
  await page.getByRole("button", { name: "Add contact" }).click();
  await page.getByText(/^Added Alex Morgan's identity/).waitFor();
  await page.getByRole("button", { name: "Open a file…" }).click();
  await page.getByRole("heading", { name: "What would change" }).waitFor();
  await audit(page, `${theme}-records-sharing-inbox`);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await page.getByRole("heading", { name: "Opened before" }).waitFor();
  await audit(page, `${theme}-records-sharing-added`);
  // A reply to that file (a correction, previewed and saved), then the Sent list.
  await page.getByRole("button", { name: /^Reply to Priya Shah/ }).click();
  const reply = page.getByRole("region", { name: "Reply to Priya Shah" });
  await reply.getByLabel(/That's not what I said/).check();
  await reply.getByLabel("What you said").fill("Nobody told us which ward to ring.");
  await reply.getByRole("button", { name: "Preview what will be sent" }).click();
  await reply.getByRole("heading", { name: "What the file holds" }).waitFor();
  await audit(page, `${theme}-records-sharing-reply`);
  await reply.getByRole("button", { name: "Save the file…" }).click();
  await page.getByRole("heading", { name: "Sent" }).waitFor();
  await audit(page, `${theme}-records-sharing-sent`);
  await goTo("Meetings");
  await page.getByRole("button", { name: /Open Workshop 2/ }).click();
  await page.getByRole("button", { name: "Share this record" }).click();
  await page.getByRole("group", { name: "Send to" }).getByLabel("Alex Morgan").check();
  await page.getByRole("button", { name: "Preview what will be sent" }).click();
  await page.getByRole("heading", { name: "What the file holds" }).waitFor();
  await audit(page, `${theme}-records-session-share`);
  // A session someone else runs: the partner's consent, withdrawn, previewed.
  await page.getByRole("button", { name: "All meetings" }).click();
  await page.getByRole("button", { name: /^Open Steering committee/ }).click();
  await page.getByRole("button", { name: "Send your consent" }).click();
  await page.getByLabel(/Withdraw my consent/).check();
  await page.getByRole("group", { name: "Send to" }).getByLabel("Alex Morgan").check();
  await page.getByRole("button", { name: "Preview what will be sent" }).click();
  await page.getByText(/Consent withdrawn for/).waitFor();
  await audit(page, `${theme}-records-session-consent`);
  await goTo("Settings");
  await page.getByRole("heading", { name: "Look and money" }).waitFor();
  await audit(page, `${theme}-records-settings`);
  await page.getByLabel("Backup passphrase", { exact: true }).fill("lighthouse parsnip velvet tides");
  await page.getByLabel("Backup passphrase again", { exact: true }).fill("lighthouse parsnip velvet tides");
  await page.getByRole("button", { name: "Save a backup…" }).click();
  // "Confirm it is you": the vault's passphrase is asked again before a backup.
  await page.getByRole("dialog").waitFor();
  await page.getByLabel("Your passphrase", { exact: true }).fill("not the right one");
  await page.getByRole("button", { name: "Go on to save" }).click();
  await page.getByText(/did not unlock your records/).waitFor();
  await audit(page, `${theme}-records-reauth`);
  await page.getByLabel("Your passphrase", { exact: true }).fill("correct horse battery staple");
  await page.getByRole("button", { name: "Go on to save" }).click();
  await page.getByText(/Backup saved to/).waitFor();
  await page.getByRole("button", { name: "Choose a backup file…" }).click();
  await page.getByText(/This backup was made on/).waitFor();
  await page.locator("#restore-pass").fill("lighthouse parsnip velvet tides");
  await page.getByRole("button", { name: "Replace my records" }).click();
  await page.getByText(/Tick this to replace/).waitFor();
  await page.getByLabel("Type delete to confirm").fill("yes");
  await page.getByRole("button", { name: "Delete all my data" }).click();
  await page.getByText(/Type delete to confirm. Nothing/).waitFor();
  await audit(page, `${theme}-records-settings-backup`);
  await page.getByRole("button", { name: "Choose a file to import…" }).click();
  await page.getByLabel("Date", { exact: true }).selectOption("");
  await page.getByRole("button", { name: "Check the file" }).click();
  await page.getByRole("list", { name: "Problems in the file" }).waitFor();
  await audit(page, `${theme}-records-settings-import`);
  await goTo("Meetings");
  await page.getByRole("button", { name: "From an invitation…" }).click();
  await page.getByText(/Filled in from the invitation/).waitFor();
  await audit(page, `${theme}-records-meeting-invitation`);

  // Reflow: 320 CSS px wide (the width of 1280 px at 400% zoom) must not scroll sideways. With
  // text at twice the size the same check is at 640 px (1280 px at 200%, WCAG's "resize text"):
  // at 320 px it would be 800% zoom, where a word like "Contributions" in a heading is wider
  // than the window.
  await page.setViewportSize({ width: theme === "text-200" ? 640 : 320, height: 640 });
  await page.goto(`${base}?vault=open&${look}`);
  await page.getByRole("navigation", { name: "Main" }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) {
    failures++;
    console.error(`✗ ${theme}-narrow: content is ${overflow}px wider than the window`);
  }
  await audit(page, `${theme}-narrow-dashboard`);
  await page.goto(`${base}?vault=records&${look}`);
  await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Contributions" }).click();
  await page.getByRole("heading", { name: "Logged so far" }).waitFor();
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (wide > 0) {
    failures++;
    console.error(`✗ ${theme}-narrow-contributions: content is ${wide}px wider than the window`);
  }
  await audit(page, `${theme}-narrow-contributions`);
  for (const [screen, open, name] of [
    ["Meetings", /Open Workshop 2/, "session"],
    ["People", /Open Alex Morgan/, "person"],
  ]) {
    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: screen }).click();
    await page.getByRole("button", { name: open }).click();
    await page.locator("main h2").first().waitFor();
    const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (over > 0) {
      failures++;
      console.error(`✗ ${theme}-narrow-${name}: content is ${over}px wider than the window`);
    }
    await audit(page, `${theme}-narrow-${name}`);
  }
  await context.close();
}

// Keyboard only: from the top of the page, reach Contributions, log one and find it again with
// Ctrl+K — every stop must show a visible focus indicator.
{
  const context = await browser.newContext({ viewport: { width: 1120, height: 780 } });
  const page = await context.newPage();
  await page.goto(`${base}?vault=records&theme=light`);
  await page.getByRole("heading", { name: "Your time" }).waitFor();
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      const style = el ? getComputedStyle(el) : null;
      const label = el?.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
      return {
        id: `${el?.tagName}#${el?.id} ${style?.outlineStyle} ${style?.outlineWidth}`,
        name: (label ?? el?.getAttribute("aria-label") ?? el?.textContent ?? "").trim(),
        // Native date and time fields mark the focused part (day, month…) themselves.
        visible: (!!style && style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) || ["date", "time"].includes(el?.type ?? ""),
      };
    });
  async function tabTo(name, most = 60) {
    for (let i = 0; i < most; i++) {
      await page.keyboard.press("Tab");
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
      const f = await focused();
      if (!f.visible) {
        failures++;
        console.error(`✗ keyboard: no visible focus on "${f.name}" (${f.id})`);
      }
      if (f.name.startsWith(name)) return;
    }
    failures++;
    console.error(`✗ keyboard: could not reach "${name}" with Tab`);
  }
  let stage = "reach Contributions";
  try {
    await tabTo("Contributions");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Log a contribution" }).waitFor();
    stage = "type what I contributed";
    await tabTo("What I contributed");
    await page.keyboard.type("Typed with the keyboard alone");
    stage = "save";
    await tabTo("Save contribution");
    await page.keyboard.press("Enter");
    await page.getByText(/^Saved:/).waitFor();
    stage = "search";
    await page.keyboard.press("Control+k");
    await page.keyboard.type("keyboard");
    await page.getByText(/match(es)? for “keyboard”/).waitFor();
    checked++;
    console.log("✓ keyboard-only walk: log a contribution and find it");
  } catch (e) {
    failures++;
    console.error(`✗ keyboard-only walk (${stage}): ${e.message.split("\n")[0]}`);
    await page.screenshot({ path: `${SHOTS}keyboard-failure.png`, fullPage: true });
  }
  await context.close();
}

// In Welsh (the language saved in the records): the frame and Settings, whose words have moved
// to the catalogue, with the page's language and the navigation's names in Welsh.
{
  const context = await browser.newContext({ viewport: { width: 1120, height: 780 } });
  const page = await context.newPage();
  page.on("pageerror", (e) => {
    failures++;
    console.error(`✗ page error (cy): ${e.message}`);
  });
  await page.goto(`${base}?vault=records&theme=light&lang=cy`);
  const nav = page.getByRole("navigation", { name: "Prif" });
  await nav.getByRole("button", { name: "Trosolwg" }).waitFor();
  const lang = await page.evaluate(() => document.documentElement.lang);
  if (lang !== "cy") {
    failures++;
    console.error(`✗ cy: the page's language is "${lang}"`);
  }
  await audit(page, "cy-dashboard");
  const reader = page.getByRole("group", { name: "Darllen yn uchel: y sgrin hon" });
  await reader.getByRole("button", { name: "Darllen yn uchel" }).click();
  await reader.getByRole("button", { name: "Oedi" }).click();
  await reader.getByRole("button", { name: "Parhau" }).waitFor();
  await audit(page, "cy-dashboard-reading-paused");
  await reader.getByRole("button", { name: "Stopio darllen" }).click();
  await nav.getByRole("button", { name: "Gosodiadau" }).click();
  await page.getByLabel("Iaith", { exact: true }).waitFor();
  await audit(page, "cy-settings");
  await context.close();
}

// The welcome screen's language choice, and the next start (a locked vault) greeting in it.
{
  const context = await browser.newContext({ viewport: { width: 1120, height: 780 } });
  const page = await context.newPage();
  page.on("pageerror", (e) => {
    failures++;
    console.error(`✗ page error (cy start): ${e.message}`);
  });
  await page.goto(`${base}?vault=none&theme=light`);
  await page.getByRole("button", { name: "Cymraeg" }).click();
  await page.getByRole("heading", { name: "Croeso i Alongside" }).waitFor();
  await audit(page, "cy-welcome");
  await page.goto(`${base}?vault=locked&theme=light`);
  await page.getByRole("heading", { name: "Datgloi Alongside" }).waitFor();
  await audit(page, "cy-unlock");
  await context.close();
}

// Easy read: every page of logging a contribution and writing a reflection, in Welsh and in
// high contrast.
for (const [name, query, next, first] of [
  ["cy-easy", "theme=light&lang=cy", "Parhau", "Ar gyfer pa brosiect oedd e?"],
  ["high-contrast-easy", "theme=high_contrast", "Continue", "Which project was it for?"],
]) {
  const context = await browser.newContext({ viewport: { width: 1120, height: 780 } });
  const page = await context.newPage();
  page.on("pageerror", (e) => {
    failures++;
    console.error(`✗ page error (${name}): ${e.message}`);
  });
  await page.goto(`${base}?vault=records&easy=1&${query}`);
  await page.getByRole("navigation").getByRole("button").nth(4).click();
  await page.getByRole("heading", { name: first }).waitFor();
  for (let n = 1; n <= 9; n++) {
    await audit(page, `${name}-${n}`);
    if (n < 9) await page.getByRole("button", { name: next, exact: true }).click();
  }
  // Writing a reflection: its first page needs a name before the others.
  await page.getByRole("navigation").getByRole("button").nth(5).click();
  await page.locator("#easy-r-title").fill("Reading panel");
  for (let n = 1; n <= 7; n++) {
    await audit(page, `${name}-reflection-${n}`);
    if (n < 7) await page.getByRole("button", { name: next, exact: true }).click();
  }
  await context.close();
}

await browser.close();
server.close();
console.log(`${checked} screens checked with axe, ${failures} problem(s); screenshots in target/ui-screenshots/`);
console.log(`${checked - Math.min(failures, checked)} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
