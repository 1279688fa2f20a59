// End-to-end: the real debug app (real core, real SQLCipher vault in a temp folder, real
// keyring) under Xvfb through tauri-driver and WebdriverIO. Saves a PNG of every screen.
// WebdriverIO comes from the window's own packages (ui/node_modules), installed by `make setup`.
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import {
  mkdtemp,
  mkdir,
  readdir,
  readFile,
  rm,
  stat,
  writeFile,
} from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import zlib from "node:zlib";

const repo = resolve(new URL("../..", import.meta.url).pathname);
const { remote } = createRequire(join(repo, "ui/package.json"))("webdriverio");
const app = join(repo, "target/debug/alongside-app");
const shots = join(repo, "target/e2e-screenshots");
const PASS = "river kettle orchard lantern";
await mkdir(shots, { recursive: true });
const dataDir = await mkdtemp(join(tmpdir(), "alongside-e2e-"));
// The app's daily log files go here, to be checked for secrets and record text at the end.
const logDir = await mkdtemp(join(tmpdir(), "alongside-e2e-logs-"));

let passed = 0;
let failed = 0;
async function step(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`✓ ${name}`);
  } catch (e) {
    failed++;
    console.error(`✗ ${name}: ${e?.message ?? e}`);
    throw e;
  }
}

function startDriver() {
  const driver = spawn(
    "tauri-driver",
    ["--port", "4444", "--native-port", "4445"],
    {
      env: {
        ...process.env,
        ALONGSIDE_DATA_DIR: dataDir,
        ALONGSIDE_LOG: "info,sqlx=warn",
        ALONGSIDE_LOG_DIR: logDir,
      },
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  return driver;
}

async function waitForPort(port) {
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/status`);
      if (r.ok || r.status) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("tauri-driver did not start");
}

/** Waits (up to 30 s) until no earlier copy of the app is still closing: a new start while the
 * old one is on its way out is handed to it by the single-instance plugin and gets lost. */
async function noAppRunning() {
  for (let i = 0; i < 300; i++) {
    if (spawnSync("pgrep", ["-f", `^${app}`]).status !== 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("an earlier copy of the app did not close within 30 s");
}

async function openApp(args = []) {
  await noAppRunning();
  return remote({
    hostname: "127.0.0.1",
    port: 4444,
    logLevel: "error",
    capabilities: {
      browserName: "wry",
      "wdio:enforceWebDriverClassic": true,
      "tauri:options": args.length
        ? { application: app, args }
        : { application: app },
    },
  });
}

async function shot(browser, name) {
  // Two animation frames so the screen has painted.
  await browser.executeAsync((done) =>
    requestAnimationFrame(() => requestAnimationFrame(() => done())),
  );
  await browser.saveScreenshot(join(shots, `${name}.png`));
}

/** The current screen's heading, looked up afresh (screens replace their elements). */
async function currentHeading(browser) {
  try {
    return await (await browser.$("main h1")).getText();
  } catch {
    return "";
  }
}

async function heading(browser, text, timeout = 15000) {
  await browser.waitUntil(
    async () => (await currentHeading(browser)) === text,
    {
      timeout,
      interval: 200,
      timeoutMsg: `expected heading "${text}", saw "${await currentHeading(browser)}"`,
    },
  );
}

async function byLabel(browser, label) {
  return browser.$(`//label[normalize-space()="${label}"]/following::input[1]`);
}

async function button(browser, text) {
  return browser.$(`//button[normalize-space()="${text}"]`);
}

/** Sets a field's value as typing would (date inputs differ between web views). */
async function fill(browser, id, value) {
  await browser.execute(
    (id, value) => {
      const el = document.getElementById(id);
      el.value = value;
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new Event("change", { bubbles: true }));
    },
    id,
    value,
  );
}

async function nav(browser, label, expected = label) {
  await (
    await browser.$(`//nav//button[starts-with(normalize-space(), "${label}")]`)
  ).click();
  await heading(browser, expected);
}

async function text(browser, fragment, timeout = 15000) {
  await browser
    .$(`//*[contains(text(), ${JSON.stringify(fragment)})]`)
    .waitForExist({ timeout });
}

/** Starts the app again with `file`, as a double-click or "Open with" does: the running app
 * takes the file and the second start ends. */
async function secondStart(file) {
  const second = spawn(app, [file], {
    env: {
      ...process.env,
      ALONGSIDE_DATA_DIR: dataDir,
      ALONGSIDE_LOG: "info,sqlx=warn",
      ALONGSIDE_LOG_DIR: logDir,
    },
    stdio: "ignore",
  });
  await new Promise((r) => second.on("exit", r));
}

/** Runs the `alongside` command line on `dir` (with `env` added); its standard output. */
function cli(dir, args, env = {}) {
  return new Promise((done, fail) => {
    const child = spawn(
      join(repo, "target/debug/alongside"),
      ["--data-dir", dir, ...args],
      {
        env: { ...process.env, ALONGSIDE_PASSPHRASE: PASS, ...env },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) =>
      code === 0
        ? done(out)
        : fail(new Error(`alongside ${args[0]}: ${err.trim()}`)),
    );
  });
}

/** A 240×120 PNG with stripes, made here (zlib's deflate and CRC-32). */
function receiptPng() {
  const { deflateSync, crc32 } = zlib;
  const [w, h] = [240, 120];
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * (w * 3 + 1) + 1 + x * 3;
      const ink = y % 20 < 4 && x > 20 && x < 220;
      raw[i] = raw[i + 1] = raw[i + 2] = ink ? 40 : 250;
    }
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, "latin1");
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** No record text may be readable in any file of the data folder. */
async function assertNoPlaintext(words) {
  for (const n of await readdir(dataDir)) {
    const bytes = (await readFile(join(dataDir, n))).toString("latin1");
    for (const w of words)
      if (bytes.includes(w)) throw new Error(`"${w}" readable in ${n}`);
  }
}

/** The desktop portal's Settings, played by tests/e2e/mock-portal.py on this test's D-Bus:
 * `portal.scheme("dark")` changes the desktop's colour scheme as GNOME would. */
async function startPortal() {
  const child = spawn("/usr/bin/python3", [
    join(repo, "tests/e2e/mock-portal.py"),
  ]);
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  const seen = (text) =>
    new Promise((done, fail) => {
      const started = Date.now();
      const look = () =>
        out.includes(text)
          ? done()
          : Date.now() - started > 10000
            ? fail(new Error(`the mock portal did not say "${text}"`))
            : setTimeout(look, 50);
      look();
    });
  await seen("ready");
  return {
    child,
    async scheme(name) {
      child.stdin.write(`${name}\n`);
      await seen(`now ${name}`);
    },
  };
}

const portal = await startPortal();
const driver = startDriver();
let browser;
try {
  await waitForPort(4444);
  browser = await openApp();

  await step("first screen is the designed welcome", async () => {
    await heading(browser, "Welcome to Alongside");
    const title = await browser.getTitle();
    if (title !== "Alongside") throw new Error(`window title ${title}`);
    await shot(browser, "01-welcome");
  });

  await step("create a vault with a passphrase", async () => {
    await (await button(browser, "Set up my locked records")).click();
    await heading(browser, "Choose a passphrase");
    await (await byLabel(browser, "Passphrase")).setValue(PASS);
    await (await byLabel(browser, "Type it again")).setValue(PASS);
    await browser
      .$("//*[contains(., 'Strength:')]")
      .waitForExist({ timeout: 10000 });
    await shot(browser, "02-create-vault");
    await (await button(browser, "Lock my records with it")).click();
    await heading(browser, "Save your recovery code");
    await shot(browser, "03-recovery-code");
  });

  let code = "";
  await step(
    "the recovery code is shown once and must be confirmed",
    async () => {
      code = (await (await browser.$(".code")).getText()).replace(
        /[^0-9A-Z]/g,
        "",
      );
      if (!/^[0-9A-Z]{25}$/.test(code)) throw new Error(`odd code ${code}`);
      const cont = await button(browser, "Continue");
      if (await cont.isEnabled())
        throw new Error("Continue was enabled before confirming");
      await (await browser.$("#saved")).click();
      await cont.click();
      await browser
        .$("nav[aria-label='Main']")
        .waitForExist({ timeout: 10000 });
      await shot(browser, "04-dashboard");
    },
  );

  await step("the files on disk are encrypted", async () => {
    const names = await readdir(dataDir);
    for (const n of ["vault.db", "keyslots.json"])
      if (!names.includes(n)) throw new Error(`missing ${n}: ${names}`);
    for (const n of names) {
      const bytes = await readFile(join(dataDir, n));
      if (bytes.subarray(0, 15).toString() === "SQLite format 3")
        throw new Error(`${n} is plaintext SQLite`);
      if (bytes.toString("latin1").includes(PASS))
        throw new Error(`passphrase found in ${n}`);
    }
  });

  await step(
    "every file and folder the app keeps is private to the user (0600 / 0700)",
    async () => {
      async function check(dir) {
        const mode = (await stat(dir)).mode & 0o777;
        if (mode !== 0o700)
          throw new Error(`${dir} has mode ${mode.toString(8)}`);
        for (const entry of await readdir(dir, { withFileTypes: true })) {
          const path = join(dir, entry.name);
          if (entry.isDirectory()) await check(path);
          else if (
            entry.isFile() &&
            ((await stat(path)).mode & 0o777) !== 0o600
          )
            throw new Error(
              `${path} has mode ${((await stat(path)).mode & 0o777).toString(8)}`,
            );
        }
      }
      await check(dataDir);
      // WebKit's own storage and cache, where the web view keeps them.
      for (const own of [
        ".local/share/org.alongside.Alongside",
        ".cache/org.alongside.Alongside",
      ]) {
        const dir = join(homedir(), own);
        if (await stat(dir).catch(() => null)) await check(dir);
      }
    },
  );

  await step(
    "settings show locking and passphrase controls; the keyring is off until asked",
    async () => {
      await (await button(browser, "Settings")).click();
      await heading(browser, "Settings");
      if (await (await browser.$("#keyring")).isSelected())
        throw new Error("the keyring was on without being asked");
      await shot(browser, "05-settings");
    },
  );

  await step(
    "turning the keyring on asks for the passphrase again",
    async () => {
      await (await browser.$("#keyring")).click();
      await browser
        .$("dialog[open] #reauth-passphrase")
        .waitForExist({ timeout: 10000 });
      await shot(browser, "05b-reauth-keyring");
      await (await browser.$("#reauth-passphrase")).setValue(PASS);
      await (
        await browser.$("//dialog//button[normalize-space()='Turn on']")
      ).click();
      await text(
        browser,
        "Alongside will unlock automatically on this computer.",
      );
    },
  );

  await step("add a project", async () => {
    await nav(browser, "Projects");
    await (await button(browser, "Add a project")).click();
    await fill(browser, "p-title", "Kingfisher trial");
    await fill(browser, "p-org", "Riverside NHS Trust");
    await (
      await browser.$("#p-approach")
    ).selectByAttribute("value", "co_production");
    await shot(browser, "11-project-form");
    await (await button(browser, "Add project")).click();
    await text(browser, "Riverside NHS Trust");
    await shot(browser, "12-projects");
  });

  await step("plan a meeting and add an overdue action", async () => {
    await nav(browser, "Meetings", "Meetings and sessions");
    await (await button(browser, "Plan a meeting")).click();
    await fill(browser, "m-title", "Steering committee, January");
    // Typed the UK way, key by key, whatever the web view's own locale.
    await (await browser.$("#m-date")).setValue("14/1/26");
    await text(browser, "Wednesday 14 January 2026");
    await (await browser.$("#m-start")).setValue("6.30pm");
    await fill(browser, "m-decisions", "Heron leaflet to be rewritten");
    await shot(browser, "13a-meeting-date-typed");
    await (await button(browser, "Save meeting")).click();
    await heading(browser, "Steering committee, January");
    await text(browser, "14 Jan 2026");
    await text(browser, "18:30");
    await fill(browser, "a-title", "Send comments on the heron leaflet");
    await (await browser.$("#a-due")).setValue("21/1/2026");
    await (await button(browser, "Add action")).click();
    await text(browser, "overdue");
    await shot(browser, "13-meeting");
  });

  await step("log a contribution from the meeting, with expenses", async () => {
    await (await button(browser, "Log my contribution")).click();
    await fill(
      browser,
      "c-summary",
      "Argued for an otter-friendly consent form",
    );
    await (
      await browser.$("//summary[normalize-space()='Fee and expenses']")
    ).click();
    await (await browser.$("#c-arrangement")).selectByAttribute("value", "fee");
    await fill(browser, "c-fee", "37.50");
    await fill(browser, "x-amount", "12.40");
    await (await button(browser, "Add expense")).click();
    await text(browser, "£12.40");
    await shot(browser, "14-contribution-form");
    // Every control of the form has a role and a name in the web view's accessibility tree
    // (WebDriver's computed role and label, as a screen reader gets them).
    const form = await browser.$("//form[.//*[@id='c-summary']]");
    const controls = await form.$$(
      "input, select, textarea, button, summary, [role='group'], fieldset",
    );
    let named = 0;
    const roles = new Set();
    for (const control of controls) {
      if (!(await control.isDisplayed())) continue;
      const role = await control.getComputedRole();
      const label = (await control.getComputedLabel()).trim();
      const tag = await control.getTagName();
      const what = `${tag}#${(await control.getAttribute("id")) ?? ""}`;
      // WebKit gives <summary> a platform role of its own (a disclosure) with no ARIA name for it.
      if (tag !== "summary" && (!role || role === "generic" || role === "none"))
        throw new Error(`${what} has no role (${role})`);
      if (!label) throw new Error(`${what} (${role}) has no accessible name`);
      roles.add(role || `${tag} (platform role)`);
      named++;
    }
    if (named < 12) throw new Error(`only ${named} controls were checked`);
    console.log(
      `    ${named} controls of "log a contribution" have a role and a name: ${[...roles].join(", ")}`,
    );
    await (await button(browser, "Save contribution")).click();
    await text(browser, "Your contribution is saved.");
    // The save is said to screen readers through the page's polite live region.
    await browser.waitUntil(
      async () =>
        (await (
          await browser.$("[data-announce='polite']")
        ).getProperty("textContent")) === "Saved.",
      {
        timeout: 5000,
        timeoutMsg: "the save was not announced",
      },
    );
  });

  await step(
    "a receipt pasted on the contribution is kept with a preview, locked",
    async () => {
      await nav(browser, "Contributions");
      await (await button(browser, "Change")).click();
      await text(browser, "No files attached yet.");
      // A receipt-like picture (a 240×120 PNG) pasted as a phone or screenshot tool would.
      await browser.execute((b64) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const data = new DataTransfer();
        data.items.add(new File([bytes], "image.png", { type: "image/png" }));
        window.dispatchEvent(
          new ClipboardEvent("paste", { clipboardData: data, bubbles: true }),
        );
      }, receiptPng().toString("base64"));
      await text(browser, "Attached 1 file.");
      const preview = await browser.$(
        "//img[starts-with(@alt, 'Preview of Pasted image')]",
      );
      await preview.waitForExist({ timeout: 15000 });
      // Drawn from the core's data: URL under the app's real CSP (never a file path).
      const drawn = await browser.execute(
        (img) => [img.naturalWidth, img.getAttribute("src").slice(0, 15)],
        preview,
      );
      if (drawn[0] !== 240 || drawn[1] !== "data:image/jpeg")
        throw new Error(`the preview was not drawn: ${drawn}`);
      // It is the receipt for the expense line logged with the contribution.
      await (
        await browser.$("//select[starts-with(@id, 'receipt-for-')]")
      ).selectByIndex(1);
      await text(browser, "is the receipt for line 1 (");
      await preview.scrollIntoView({ block: "center" });
      await shot(browser, "14b-contribution-receipt");
      await (await button(browser, "Cancel")).click();
    },
  );

  await step(
    "a claim pack: the trust's own claim details, the lines and the receipt, marked when asked",
    async () => {
      await nav(browser, "Summaries");
      await (await browser.$("#report-claim")).click();
      await text(browser, "For Riverside NHS Trust.");
      await fill(browser, "claim-name", "Sam Patel");
      await fill(browser, "claim-ref-label", "Supplier number");
      await fill(browser, "claim-ref", "SUP-20417");
      await (await button(browser, "Save my details")).click();
      await text(browser, "Saved your claim details for Riverside NHS Trust.");
      // The preview is the core's: the details in the trust's words, the lines, the receipt.
      await text(browser, "Supplier number");
      await text(browser, "Total claimed");
      await text(browser, "Pasted image");
      // The expense line names its receipt; the list says what the receipt is for.
      await text(browser, "receipt 1");
      await text(browser, "Receipt 1: Pasted image");
      await (
        await browser.$("//*[contains(text(), 'Receipt 1: Pasted image')]")
      ).scrollIntoView({ block: "center" });
      await shot(browser, "14c-claim-pack");
      await (
        await button(browser, "Mark these lines as claim submitted today")
      ).click();
      await text(browser, "Marked 1 contribution as claim submitted today.");
      await text(browser, "Nothing is waiting to be claimed");
    },
  );

  await step(
    "spelling is checked in British English (the web view says so)",
    async () => {
      await nav(browser, "Contributions");
      const summary = await browser.$("#c-summary");
      if (!(await browser.execute((el) => el.spellcheck, summary)))
        throw new Error("the notes field is not spell-checked");
      if (
        await browser.execute((el) => el.spellcheck, await browser.$("#c-date"))
      )
        throw new Error("a date field is spell-checked");
      await nav(browser, "Settings");
      await text(browser, "Checked as you type, in British English.");
      await shot(browser, "14a-settings-spelling-keyboard");
    },
  );

  await step("write a private reflection", async () => {
    await nav(browser, "Reflections");
    await fill(browser, "r-title", "After the January committee");
    await fill(browser, "r-what", "A kingfisher moment: they listened");
    if (!(await (await browser.$("#r-private")).isSelected()))
      throw new Error("a new reflection was not private");
    await (await button(browser, "Save reflection")).click();
    await text(browser, "as private");
    await shot(browser, "15-reflections");
  });

  await step(
    "search finds it (Ctrl+K), private reflections included inside the app",
    async () => {
      await browser.keys(["Control", "k"]);
      await heading(browser, "Search");
      await fill(browser, "search-q", "kingfisher");
      await text(browser, "for “kingfisher”");
      await text(browser, "Private");
      await shot(browser, "16-search");
    },
  );

  await step("dashboard, contributions and money add it up", async () => {
    await (
      await browser.$(`//nav//button[normalize-space()="Overview"]`)
    ).click();
    await text(browser, "Your time");
    await text(browser, "£49.90");
    await shot(browser, "17-dashboard-with-records");
    await nav(browser, "Contributions");
    await text(browser, "otter-friendly");
    await shot(browser, "18-contributions");
    await nav(browser, "Money");
    await shot(browser, "19-money");
    await nav(browser, "Settings");
    await shot(browser, "20-settings-preferences");
    await nav(browser, "Summaries");
    await text(browser, "Kingfisher trial");
    await shot(browser, "21-summaries-preview");
    await assertNoPlaintext([
      "kingfisher",
      "Kingfisher trial",
      "otter-friendly",
      "heron leaflet",
    ]);
  });

  await step("a project's page adds up its time and money", async () => {
    await nav(browser, "Projects");
    await (
      await browser.$('//button[@aria-label="Open Kingfisher trial"]')
    ).click();
    await text(browser, "Time and money");
    await text(browser, "Reflections (0)");
    await text(browser, "£49.90");
    await shot(browser, "22-project-page");
  });

  await step("a project the person runs, and its people", async () => {
    await nav(browser, "People");
    await nav(browser, "Projects");
    await (await button(browser, "Add a project")).click();
    await fill(browser, "p-title", "Leaving hospital well");
    await (await browser.$("#p-inv-run")).click();
    await (await button(browser, "Add project")).click();
    await text(browser, "Leaving hospital well");
    await nav(browser, "People");
    for (const [name, role] of [
      ["Carys Hughes", "carer"],
      ["Alex Morgan", "patient_partner"],
    ]) {
      await (await button(browser, "Add a person")).click();
      await fill(browser, "p-name", name);
      await (await browser.$(`#p-role-${role}`)).click();
      await (await button(browser, "Save person")).click();
      await text(browser, `${name} is saved.`);
      await shot(browser, "24-person-page");
      await (await button(browser, "All people")).click();
      await heading(browser, "People");
    }
    await text(browser, "Alex Morgan");
    await shot(browser, "25-people");
  });

  await step(
    "a session's register, consent, voices and you said, we did",
    async () => {
      await nav(browser, "Meetings", "Meetings and sessions");
      await (await button(browser, "Plan a meeting")).click();
      await (
        await browser.$("#m-project")
      ).selectByVisibleText("Leaving hospital well");
      await (
        await browser.$("#m-kind")
      ).selectByAttribute("value", "co_design_workshop");
      await fill(browser, "m-title", "Workshop 2 — joint event");
      await fill(browser, "m-date", "2026-05-01");
      await fill(browser, "m-private-notes", "PRIVATE-OSPREY transport note");
      for (const name of ["Alex Morgan", "Carys Hughes"]) {
        await (await browser.$("#m-pick")).selectByVisibleText(name);
        await (await button(browser, "Add to the meeting")).click();
      }
      await text(browser, "Register");
      await shot(browser, "26-register");
      await (await button(browser, "Save meeting")).click();
      await heading(browser, "Workshop 2 — joint event");
      for (const [name, named] of [
        ["Alex Morgan", false],
        ["Carys Hughes", true],
      ]) {
        await (await browser.$("#c-person")).selectByVisibleText(name);
        await (await browser.$("#c-quote")).click();
        if (named) await (await browser.$("#c-named")).click();
        await (await button(browser, "Save consent")).click();
        await text(browser, named ? "Name: yes" : "Name: no");
      }
      await shot(browser, "27-consent");
      for (const [name, words] of [
        ["Alex Morgan", "Nobody told me who to ring"],
        ["Carys Hughes", "Carers need a seat at the ward round"],
      ]) {
        await (await browser.$("#v-who")).selectByVisibleText(name);
        await fill(browser, "v-text", words);
        await (await browser.$("#v-quotable")).click();
        await (
          await browser.$(
            "//form[.//h3[normalize-space()='Add what someone said']]//button[@type='submit']",
          )
        ).click();
        await text(browser, `“${words}”`);
      }
      await shot(browser, "28-voices");
      await fill(browser, "i-said", "Nobody knew who to call after leaving");
      await fill(
        browser,
        "i-did",
        "The booklet now has a phone number on its front page",
      );
      await (
        await browser.$("//label[contains(., 'Nobody told me who to ring')]")
      ).click();
      await (
        await browser.$(
          `//form[.//h3[contains(., 'you said, we did')]]//button[@type='submit']`,
        )
      ).click();
      await text(browser, "We did: The booklet now has a phone number");
      await shot(browser, "29-you-said-we-did");
    },
  );

  await step(
    "export this session: consent applied, no private notes",
    async () => {
      await (await button(browser, "Export this session")).click();
      await text(browser, "A patient partner said");
      await text(browser, "Carys Hughes (Carer) said");
      const preview = await (
        await browser.$(
          '//section[@aria-label="Preview of the session\'s record"]',
        )
      ).getText();
      for (const banned of ["Alex", "PRIVATE-OSPREY"])
        if (preview.includes(banned))
          throw new Error(`the session's export shows ${banned}`);
      await shot(browser, "30-session-export");
      await nav(browser, "People");
      await (
        await browser.$('//button[@aria-label="Open Alex Morgan"]')
      ).click();
      await text(browser, "Files that held their words");
      await text(browser, "Quote: yes");
      await shot(browser, "31-person-page-with-consent");
      await assertNoPlaintext([
        "Nobody told me who to ring",
        "PRIVATE-OSPREY",
        "Carys Hughes",
      ]);
    },
  );

  await step(
    "paying participants: a payment run, a fee, marked paid, on the person page",
    async () => {
      await nav(browser, "Meetings", "Meetings and sessions");
      await (
        await browser.$('//button[starts-with(@aria-label, "Open Workshop 2")]')
      ).click();
      await heading(browser, "Workshop 2 — joint event");
      await (await button(browser, "Make payment run")).click();
      await text(browser, "Made 2 payment lines");
      await (
        await browser.$(`//button[@aria-label="Change Alex Morgan's payment"]`)
      ).click();
      await fill(browser, "pay-fee", "62.50");
      await fill(browser, "pay-ref", "RH-02-001");
      await (await button(browser, "Save payment")).click();
      await text(browser, "£62.50");
      await (await button(browser, "Choose all unpaid")).click();
      await (await button(browser, "Mark 1 payment paid")).click();
      await text(browser, "Marked 1 payment paid");
      await shot(browser, "32-payment-run");
      await nav(browser, "People");
      await (
        await browser.$('//button[@aria-label="Open Alex Morgan"]')
      ).click();
      await text(browser, "RH-02-001");
      await text(browser, "Save a payment statement");
      await shot(browser, "33-person-payments");
      await assertNoPlaintext(["RH-02-001"]);
    },
  );

  let sharedFile = "";
  await step(
    "sharing: the identity's code, a share's preview, and a lead's file made for this vault",
    async () => {
      await nav(browser, "Sharing");
      await fill(browser, "identity-name", "Sam Okafor");
      await fill(browser, "identity-role", "patient partner");
      await (await button(browser, "Make my sharing identity")).click();
      await text(browser, "Your sharing code");
      const code = await (await browser.$("p.code")).getText();
      if (!/^(\d{4} ){5}\d{4}$/.test(code))
        throw new Error(`sharing code looks wrong: ${code}`);
      await shot(browser, "34-sharing-code");

      // A session's record of this vault's own, previewed for a passphrase copy.
      await nav(browser, "Meetings", "Meetings and sessions");
      await (
        await browser.$('//button[starts-with(@aria-label, "Open Workshop 2")]')
      ).click();
      await (await button(browser, "Share this record")).click();
      await (
        await browser.$("//label[contains(., 'Also make a copy locked')]")
      ).click();
      await (await button(browser, "Preview what will be sent")).click();
      await text(browser, "What the file holds");
      const holds = await (await browser.$("section.share")).getText();
      if (holds.includes("PRIVATE-OSPREY"))
        throw new Error("the share preview shows private notes");
      await shot(browser, "35-share-preview");

      // A project lead with a vault of their own sends this vault a session's record.
      const work = await mkdtemp(join(tmpdir(), "alongside-e2e-lead-"));
      const lead = join(work, "lead");
      await mkdir(lead);
      await cli(dataDir, ["identity", "--export", join(work, "sam.id")]);
      await cli(lead, ["init"]);
      await cli(lead, ["demo", "--contributions", "20", "--seed", "4"]);
      await cli(lead, [
        "identity",
        "--name",
        "Priya Shah",
        "--role",
        "project lead",
        "--export",
        join(work, "priya.id"),
      ]);
      await cli(lead, [
        "contact",
        "add",
        join(work, "sam.id"),
        "--person",
        "Alex Morgan",
        "--checked",
        "in-person",
      ]);
      await cli(dataDir, [
        "contact",
        "add",
        join(work, "priya.id"),
        "--person",
        "Priya Shah",
        "--checked",
        "phone",
      ]);
      await cli(lead, [
        "export",
        "--report",
        "all",
        "--format",
        "json",
        "--out",
        join(work, "all.json"),
      ]);
      const all = JSON.parse(await readFile(join(work, "all.json"), "utf8"));
      const session = all.meetings.find(
        (m) => m.id === all.you_said_we_did[0].meeting_id,
      );
      sharedFile = join(work, "session.alongside");
      await cli(lead, [
        "share",
        "--what",
        "session",
        "--meeting",
        session.uid,
        "--to",
        "Alex Morgan",
        "--out",
        sharedFile,
      ]);
    },
  );

  await step(
    "settings offer backup, restore and deleting everything",
    async () => {
      await nav(browser, "Settings");
      await text(browser, "You have not made a backup yet.");
      await (await browser.$("#backup-pass")).scrollIntoView();
      await shot(browser, "23-settings-backup");
    },
  );

  await step(
    "a backup asks for the vault's passphrase first and refuses a wrong one",
    async () => {
      await fill(browser, "backup-pass", "meadow copper whistle dune");
      await fill(browser, "backup-again", "meadow copper whistle dune");
      await (await button(browser, "Save a backup…")).click();
      await browser
        .$("dialog[open] #reauth-passphrase")
        .waitForExist({ timeout: 10000 });
      await (
        await browser.$("#reauth-passphrase")
      ).setValue("not the passphrase at all");
      await (
        await browser.$("//dialog//button[normalize-space()='Go on to save']")
      ).click();
      await browser
        .$("//dialog//*[contains(text(), 'did not unlock your records')]")
        .waitForExist({ timeout: 15000 });
      await shot(browser, "23b-backup-reauth-wrong");
      await (
        await browser.$("//dialog//button[normalize-space()='Cancel']")
      ).click();
      await browser
        .$("dialog[open]")
        .waitForExist({ timeout: 5000, reverse: true });
      await text(browser, "You have not made a backup yet.");
    },
  );

  await step(
    "a half-typed contribution is kept as an encrypted draft",
    async () => {
      await nav(browser, "Contributions");
      await fill(browser, "c-summary", "Half a note about the dipper nest");
      await browser.pause(1500);
      await assertNoPlaintext(["dipper"]);
    },
  );

  await step(
    "lock, refuse a wrong passphrase, unlock with the recovery code",
    async () => {
      await (await browser.$("button.lock")).click();
      await heading(browser, "Unlock Alongside");
      await shot(browser, "06-unlock");
      await (
        await byLabel(browser, "Passphrase")
      ).setValue("not the passphrase");
      await (await button(browser, "Unlock")).click();
      await browser
        .$("//*[contains(text(), 'did not unlock your records')]")
        .waitForExist({ timeout: 15000 });
      await shot(browser, "07-unlock-wrong");
      await (await button(browser, "Use my recovery code instead")).click();
      await (
        await byLabel(browser, "Recovery code")
      ).setValue(code.toLowerCase());
      await (await button(browser, "Unlock")).click();
      await browser
        .$("nav[aria-label='Main']")
        .waitForExist({ timeout: 15000 });
      await nav(browser, "Projects");
      await text(browser, "Kingfisher trial");
      await assertNoPlaintext([
        "kingfisher",
        "Kingfisher trial",
        "otter-friendly",
        "dipper",
      ]);
    },
  );

  await step("the draft comes back after the lock", async () => {
    await nav(browser, "Contributions");
    await text(browser, "Your unsaved contribution was brought back.");
    const kept = await (await browser.$("#c-summary")).getValue();
    if (kept !== "Half a note about the dipper nest")
      throw new Error(`draft brought back as ${JSON.stringify(kept)}`);
    await shot(browser, "24-draft-brought-back");
  });

  await step(
    "a screen lock reported by the system locks the app and closes an open question",
    async () => {
      await nav(browser, "Settings");
      await (await button(browser, "Make a new recovery code…")).click();
      await browser
        .$("dialog[open] #reauth-passphrase")
        .waitForExist({ timeout: 10000 });
      const send = spawn("dbus-send", [
        "--session",
        "--type=signal",
        "/org/freedesktop/ScreenSaver",
        "org.freedesktop.ScreenSaver.ActiveChanged",
        "boolean:true",
      ]);
      await new Promise((r) => send.on("exit", r));
      await heading(browser, "Unlock Alongside");
      await browser
        .$("//*[contains(text(), 'the screen locked')]")
        .waitForExist({ timeout: 10000 });
      await shot(browser, "08-locked-by-system");
      if (await (await browser.$("dialog[open]")).isExisting())
        throw new Error("a dialog stayed open after the lock");
      await (await byLabel(browser, "Passphrase")).setValue(PASS);
      await (await button(browser, "Unlock")).click();
      await browser
        .$("nav[aria-label='Main']")
        .waitForExist({ timeout: 15000 });
    },
  );

  await browser.deleteSession();
  // Started by a double-click on a shared file (the file is the app's argument).
  browser = await openApp([sharedFile]);
  await step(
    "after a restart the keyring unlocks it without a passphrase",
    async () => {
      await browser
        .$("nav[aria-label='Main']")
        .waitForExist({ timeout: 20000 });
      await shot(browser, "09-reopened-with-keyring");
    },
  );

  await step(
    "a double-clicked file opens in the Inbox: who sent it, what would change, then Add",
    async () => {
      await heading(browser, "Sharing");
      await text(browser, "What would change");
      await text(browser, "Priya Shah — ✓ sharing code checked by phone");
      await text(browser, "Add the record of");
      await shot(browser, "36-inbox");
      await (await button(browser, "Add")).click();
      await text(browser, "changes made");
      await text(browser, "Opened before");
      await shot(browser, "37-inbox-added");
    },
  );

  await step(
    "a spreadsheet given to the app is imported from Settings: columns, problems by row, then all at once",
    async () => {
      const sheet = join(dataDir, "..", `alongside-e2e-log-${process.pid}.csv`);
      await writeFile(
        sheet,
        "Date,Project,Hours spent,What I contributed\n21/01/2026,Kingfisher trial,1.5,Read the heron leaflet\n31/02/2026,Kingfisher trial,2,A day that is not\n",
      );
      // A second start with the file, as a file manager's "Open with" does: the running app
      // takes it and shows it in Settings → Import.
      await secondStart(sheet);
      await heading(browser, "Settings");
      await text(browser, `alongside-e2e-log-${process.pid}.csv`);
      await (
        await browser.$(
          "//tr[th//label[normalize-space()='Hours spent']]//select",
        )
      ).selectByAttribute("value", "meeting_hours");
      await (await button(browser, "Check the file")).click();
      await text(browser, "Row 3, Date:");
      await shot(browser, "38-import-problems");
      await writeFile(
        sheet,
        "Date,Project,Hours spent,What I contributed\n21/01/2026,Kingfisher trial,1.5,Read the heron leaflet\n28/02/2026,Kingfisher trial,2,Sorted the otter survey\n",
      );
      await (await button(browser, "Check the file")).click();
      await text(browser, "Ready: 2 contributions");
      await (await button(browser, "Import 2 contributions")).click();
      await text(browser, "Imported 2 contributions");
      await shot(browser, "39-import-done");
      await rm(sheet, { force: true });
      await nav(browser, "Contributions");
      await text(browser, "Sorted the otter survey");
    },
  );

  await step(
    "a backup given to the app opens in Settings, ready to restore",
    async () => {
      const backup = join(
        dataDir,
        "..",
        `alongside-e2e-${process.pid}.alongside-backup`,
      );
      await cli(dataDir, ["backup", "--out", backup], {
        ALONGSIDE_BACKUP_PASSPHRASE: "meadow copper whistle dune",
      });
      // A second start with the file, as a double-click on it does.
      await secondStart(backup);
      await heading(browser, "Settings");
      await text(browser, "The backup you opened was made on");
      await shot(browser, "39b-backup-opened");
      await rm(backup, { force: true });
    },
  );

  await step(
    "dark mode follows the desktop's colour scheme; a choice in Settings wins",
    async () => {
      const theme = () =>
        browser.execute(() => document.documentElement.dataset.theme);
      const becomes = (want) =>
        browser.waitUntil(async () => (await theme()) === want, {
          timeout: 10000,
          timeoutMsg: `the page did not turn ${want}`,
        });
      await becomes("light");
      await portal.scheme("dark");
      await becomes("dark");
      await shot(browser, "16-dark-from-the-desktop");
      await nav(browser, "Settings");
      await (
        await browser.$("#pref-theme")
      ).selectByAttribute("value", "light");
      await (await button(browser, "Save preferences")).click();
      await becomes("light");
      await (
        await browser.$("#pref-theme")
      ).selectByAttribute("value", "system");
      await (await button(browser, "Save preferences")).click();
      await becomes("dark");
      await portal.scheme("light");
      await becomes("light");
    },
  );

  await step(
    "after the chosen idle time (1 minute) it locks itself",
    async () => {
      await (await button(browser, "Settings")).click();
      await heading(browser, "Settings");
      await (await browser.$("#auto-lock")).selectByAttribute("value", "1");
      await (await button(browser, "Save")).click();
      await browser
        .$("//*[contains(text(), 'locks after 1 minute')]")
        .waitForExist({ timeout: 10000 });
      const started = Date.now();
      await heading(browser, "Unlock Alongside", 100000);
      const waited = (Date.now() - started) / 1000;
      if (waited < 55) throw new Error(`locked too early, after ${waited}s`);
      await browser
        .$("//*[contains(text(), 'not used for a while')]")
        .waitForExist({ timeout: 5000 });
      await shot(browser, "10-locked-when-idle");
    },
  );

  await step(
    "the log files say what happened, never a secret or a record's words",
    async () => {
      const names = await readdir(logDir);
      if (!names.some((n) => n.startsWith("alongside.") && n.endsWith(".log")))
        throw new Error(`no daily log file: ${names}`);
      const logged = (
        await Promise.all(names.map((n) => readFile(join(logDir, n), "utf8")))
      ).join("\n");
      for (const event of ["vault created", "vault unlocked", "vault locked"])
        if (!logged.includes(event)) throw new Error(`"${event}" not logged`);
      const grouped = code.match(/.{1,5}/g).join("-");
      const never = [
        PASS,
        code,
        grouped,
        "otter-friendly",
        "Steering committee, January",
        "heron leaflet",
        "Sam Patel",
        "SUP-20417",
      ];
      for (const secret of never)
        if (logged.includes(secret))
          throw new Error(`the log holds "${secret.slice(0, 4)}…"`);
    },
  );
} catch (e) {
  if (browser) await shot(browser, "99-failure").catch(() => {});
  if (!failed) {
    failed++;
    console.error(`✗ ${e?.message ?? e}`);
  }
} finally {
  if (browser) await browser.deleteSession().catch(() => {});
  driver.kill();
  portal.child.kill();
  await rm(dataDir, { recursive: true, force: true });
  await rm(logDir, { recursive: true, force: true });
}
await writeFile(
  join(shots, "result.txt"),
  `${passed} passed, ${failed} failed\n`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
