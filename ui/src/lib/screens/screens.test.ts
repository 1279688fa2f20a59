import { cleanup, render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { clearMocks } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import App from "../../App.svelte";
import { installMockBackend, newMockVault, RECOVERY_CODE, type MockVault } from "../../mock/backend";
import { session } from "../session.svelte";

let vault: MockVault;

function start(preset: "none" | "locked" | "open" | "records") {
  vault = installMockBackend(newMockVault(preset));
  session.phase = "loading";
  session.notice = null;
  return render(App);
}

beforeEach(() => {
  Object.defineProperty(window, "crypto", { value: globalThis.crypto, configurable: true });
});
afterEach(() => {
  cleanup();
  clearMocks();
});

describe("first run", () => {
  it("walks from welcome to a created vault, showing the recovery code once", async () => {
    const user = userEvent.setup();
    start("none");
    await user.click(await screen.findByRole("button", { name: "Set up my locked records" }));
    const pass = screen.getByLabelText("Passphrase", { selector: "input" });

    await user.type(pass, "short");
    await user.click(screen.getByRole("button", { name: "Lock my records with it" }));
    const error = await screen.findByText(/A few unrelated words make a passphrase/);
    expect(pass).toHaveAttribute("aria-invalid", "true");
    expect(pass.getAttribute("aria-describedby")).toContain(error.id);
    expect(vault.calls.some((c) => c.cmd === "vault_create")).toBe(false);

    await user.clear(pass);
    await user.type(pass, "river kettle orchard lantern");
    await user.type(screen.getByLabelText("Type it again", { selector: "input" }), "river kettle orchard lanterns");
    await user.click(screen.getByRole("button", { name: "Lock my records with it" }));
    expect(await screen.findByText(/The two passphrases are different/)).toBeInTheDocument();

    const again = screen.getByLabelText("Type it again", { selector: "input" });
    await user.clear(again);
    await user.type(again, "river kettle orchard lantern");
    // The keyring is opt-in.
    expect(screen.getByLabelText("Unlock automatically on this computer")).not.toBeChecked();
    await user.click(screen.getByRole("button", { name: "Lock my records with it" }));

    await screen.findByRole("heading", { name: "Save your recovery code" });
    const create = vault.calls.find((c) => c.cmd === "vault_create");
    expect(create?.args).toEqual({ passphrase: "river kettle orchard lantern", useKeyring: false });
    expect(screen.getByLabelText(/Recovery code:/)).toHaveAccessibleName(`Recovery code: ${RECOVERY_CODE.split("-").join(", ")}`);
    const cont = screen.getByRole("button", { name: "Continue" });
    expect(cont).toBeDisabled();
    await user.click(screen.getByLabelText("I have saved my recovery code somewhere safe"));
    await user.click(cont);
    await screen.findByRole("navigation", { name: "Main" });
    expect(session.recoveryCode).toBeNull();
  });

  it("shows the passphrase when asked and hides it again", async () => {
    const user = userEvent.setup();
    start("none");
    await user.click(await screen.findByRole("button", { name: "Set up my locked records" }));
    const pass = screen.getByLabelText("Passphrase", { selector: "input" });
    expect(pass).toHaveAttribute("type", "password");
    await user.click(screen.getByRole("button", { name: "Show passphrase" }));
    expect(pass).toHaveAttribute("type", "text");
    await user.click(screen.getByRole("button", { name: "Hide passphrase" }));
    expect(pass).toHaveAttribute("type", "password");
  });
});

describe("unlock and lock", () => {
  it("refuses a wrong passphrase with the core's message, then opens", async () => {
    const user = userEvent.setup();
    start("locked");
    await screen.findByRole("heading", { name: "Unlock Alongside" });
    const pass = screen.getByLabelText("Passphrase", { selector: "input" });
    await user.type(pass, "wrong one");
    await user.click(screen.getByRole("button", { name: "Unlock" }));
    expect(await screen.findByText(/did not unlock your records/)).toBeInTheDocument();
    expect(pass).toHaveAttribute("aria-invalid", "true");
    await user.clear(pass);
    await user.type(pass, vault.passphrase);
    await user.click(screen.getByRole("button", { name: "Unlock" }));
    await screen.findByRole("navigation", { name: "Main" });
  });

  it("unlocks with the recovery code typed loosely", async () => {
    const user = userEvent.setup();
    start("locked");
    await user.click(await screen.findByRole("button", { name: "Use my recovery code instead" }));
    await user.type(screen.getByLabelText("Recovery code", { selector: "input" }), RECOVERY_CODE.toLowerCase().replaceAll("-", " "));
    await user.click(screen.getByRole("button", { name: "Unlock" }));
    await screen.findByRole("navigation", { name: "Main" });
  });

  it("locks with Ctrl+L and drops what it showed", async () => {
    const user = userEvent.setup();
    start("open");
    await screen.findByRole("navigation", { name: "Main" });
    await user.keyboard("{Control>}l{/Control}");
    await screen.findByRole("heading", { name: "Unlock Alongside" });
    expect(vault.unlocked).toBe(false);
    expect(session.status?.auto_lock_minutes).toBeNull();
  });

  it("goes to the unlock screen when the core says it locked itself", async () => {
    start("open");
    await screen.findByRole("navigation", { name: "Main" });
    vault.unlocked = false;
    await emit("vault-locked", { reason: "idle" });
    await screen.findByRole("heading", { name: "Unlock Alongside" });
    expect(screen.getByText(/locked itself because it was not used/)).toBeInTheDocument();
  });
});

describe("settings", () => {
  it("saves the auto-lock choice and reports a wrong current passphrase on the field", async () => {
    const user = userEvent.setup();
    start("open");
    await user.click(await screen.findByRole("button", { name: "Settings" }));
    await user.selectOptions(screen.getByLabelText("Lock Alongside when it is not used"), "1");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText(/locks after 1 minute without use/)).toBeInTheDocument();
    expect(vault.autoLock).toBe(1);
    await user.selectOptions(screen.getByLabelText("Lock Alongside when it is not used"), "never");
    await user.click(screen.getByRole("button", { name: "Save" }));
    // "Never" asks for the passphrase again first.
    await user.type(await screen.findByLabelText("Your passphrase", { selector: "input" }), vault.passphrase);
    await user.click(screen.getByRole("button", { name: "Never lock by itself" }));
    await waitFor(() => expect(vault.autoLock).toBeNull());
    expect(vault.calls.find((c) => c.cmd === "lock_settings_set" && c.args.proof)?.args.proof).toEqual({ method: "passphrase", passphrase: vault.passphrase });

    await user.type(screen.getByLabelText("New passphrase", { selector: "input" }), "a better passphrase");
    await user.type(screen.getByLabelText("New passphrase again", { selector: "input" }), "a better passphrase");
    await user.click(screen.getByRole("button", { name: "Change passphrase" }));
    const current = await screen.findByLabelText("Your passphrase", { selector: "input" });
    await user.type(current, "not mine at all");
    await user.click(screen.getAllByRole("button", { name: "Change passphrase" }).at(-1)!);
    await waitFor(() => expect(current).toHaveAttribute("aria-invalid", "true"));
    expect(vault.passphrase).toBe("correct horse battery staple");
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByLabelText("Your passphrase", { selector: "input" })).toBeNull());
    expect(vault.calls.some((c) => c.cmd === "passphrase_change")).toBe(false);
  });
});

describe("backup and restore", () => {
  it("makes a backup after checking the backup passphrase, and shows when", async () => {
    const user = userEvent.setup();
    start("open");
    await user.click(await screen.findByRole("button", { name: "Settings" }));
    expect(await screen.findByText(/You have not made a backup yet/)).toBeInTheDocument();
    const pass = screen.getByLabelText("Backup passphrase", { selector: "input" });
    await user.type(pass, "short");
    await user.click(screen.getByRole("button", { name: "Save a backup…" }));
    await waitFor(() => expect(pass).toHaveAttribute("aria-invalid", "true"));
    await user.clear(pass);
    await user.type(pass, "lighthouse parsnip velvet tides");
    await user.type(screen.getByLabelText("Backup passphrase again", { selector: "input" }), "lighthouse parsnip velvet");
    await user.click(screen.getByRole("button", { name: "Save a backup…" }));
    expect(await screen.findByText(/The two backup passphrases are different/)).toBeInTheDocument();
    expect(vault.calls.some((c) => c.cmd === "backup_make")).toBe(false);
    const again = screen.getByLabelText("Backup passphrase again", { selector: "input" });
    await user.clear(again);
    await user.type(again, "lighthouse parsnip velvet tides");
    await user.click(screen.getByRole("button", { name: "Save a backup…" }));
    // The vault's own passphrase is asked first; a wrong one is shown on the field.
    const proof = await screen.findByLabelText("Your passphrase", { selector: "input" });
    await user.type(proof, "not mine at all");
    await user.click(screen.getByRole("button", { name: "Go on to save" }));
    await waitFor(() => expect(proof).toHaveAttribute("aria-invalid", "true"));
    expect(vault.calls.some((c) => c.cmd === "backup_make")).toBe(false);
    await user.clear(proof);
    await user.type(proof, vault.passphrase);
    await user.click(screen.getByRole("button", { name: "Go on to save" }));
    expect(await screen.findByText(/Backup saved to/)).toBeInTheDocument();
    expect(vault.calls.find((c) => c.cmd === "backup_make")?.args).toEqual({
      passphrase: "lighthouse parsnip velvet tides",
      proof: { method: "passphrase", passphrase: "correct horse battery staple" },
    });
    expect(await screen.findByText(/Your last backup was made on/)).toBeInTheDocument();
    expect(pass).toHaveValue("");
  });

  it("replaces the records only when asked to, then asks to unlock", async () => {
    const user = userEvent.setup();
    start("open");
    await user.click(await screen.findByRole("button", { name: "Settings" }));
    await user.click(await screen.findByRole("button", { name: "Choose a backup file…" }));
    expect(await screen.findByText(/This backup was made on/)).toBeInTheDocument();
    const pass = screen.getByLabelText("Backup passphrase", { selector: "input#restore-pass" });
    await user.type(pass, "not the backup one");
    await user.click(screen.getByRole("button", { name: "Replace my records" }));
    const tick = screen.getByLabelText("Replace my current records with this backup");
    expect(await screen.findByText(/Tick this to replace/)).toBeInTheDocument();
    expect(tick).toHaveAttribute("aria-invalid", "true");
    expect(vault.calls.some((c) => c.cmd === "backup_restore")).toBe(false);
    await user.click(tick);
    const confirmIt = async () => {
      await user.click(screen.getByRole("button", { name: "Replace my records" }));
      await user.type(await screen.findByLabelText("Your passphrase", { selector: "input" }), vault.passphrase);
      await user.click(screen.getByRole("button", { name: "Yes, replace them" }));
    };
    await confirmIt();
    await waitFor(() => expect(pass).toHaveAttribute("aria-invalid", "true"));
    expect(vault.unlocked).toBe(true);
    await user.clear(pass);
    await user.type(pass, "lighthouse parsnip velvet tides");
    await confirmIt();
    await screen.findByRole("heading", { name: /Unlock/ });
    expect(screen.getByText(/Your previous records are kept in/)).toBeInTheDocument();
    expect(vault.calls.filter((c) => c.cmd === "backup_restore").at(-1)?.args).toEqual({
      passphrase: "lighthouse parsnip velvet tides",
      replace: true,
      proof: { method: "passphrase", passphrase: "correct horse battery staple" },
    });
  });

  it("restores on a new computer from the welcome screen", async () => {
    const user = userEvent.setup();
    start("none");
    await user.click(await screen.findByRole("button", { name: "Restore from a backup" }));
    await screen.findByRole("heading", { name: "Bring your records back" });
    expect(screen.queryByLabelText("Replace my current records with this backup")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Choose a backup file…" }));
    await user.type(await screen.findByLabelText("Backup passphrase", { selector: "input" }), "lighthouse parsnip velvet tides");
    await user.click(screen.getByRole("button", { name: "Restore" }));
    await screen.findByRole("heading", { name: /Unlock/ });
    expect(screen.getByText(/61 contributions/)).toBeInTheDocument();
    expect(vault.exists).toBe(true);
  });

  it("a backup double-clicked on a new computer opens ready to restore", async () => {
    const user = userEvent.setup();
    vault = installMockBackend({ ...newMockVault("none"), backupArrived: true });
    session.phase = "loading";
    render(App);
    await screen.findByRole("heading", { name: "Bring your records back" });
    expect(await screen.findByText(/The backup you opened was made on/)).toBeInTheDocument();
    await user.type(screen.getByLabelText("Backup passphrase", { selector: "input" }), "lighthouse parsnip velvet tides");
    await user.click(screen.getByRole("button", { name: "Restore" }));
    await screen.findByRole("heading", { name: /Unlock/ });
    expect(vault.calls.some((c) => c.cmd === "backup_choose")).toBe(false);
  });

  it("a backup given to the open app is offered in Settings", async () => {
    vault = installMockBackend({ ...newMockVault("open"), backupArrived: true });
    session.phase = "loading";
    render(App);
    await screen.findByRole("heading", { name: "Settings" });
    expect(await screen.findByText(/The backup you opened was made on/)).toBeInTheDocument();
    expect(screen.getByLabelText("Replace my current records with this backup")).not.toBeChecked();
  });

  it("deletes everything only when the word is typed", async () => {
    const user = userEvent.setup();
    start("open");
    await user.click(await screen.findByRole("button", { name: "Settings" }));
    const word = await screen.findByLabelText("Type delete to confirm");
    await user.type(word, "yes");
    await user.click(screen.getByRole("button", { name: "Delete all my data" }));
    await waitFor(() => expect(word).toHaveAttribute("aria-invalid", "true"));
    expect(vault.exists).toBe(true);
    await user.clear(word);
    await user.type(word, "delete");
    await user.click(screen.getByRole("button", { name: "Delete all my data" }));
    await user.click(await screen.findByRole("button", { name: "Use my recovery code instead" }));
    await user.type(await screen.findByLabelText("Your recovery code", { selector: "input" }), RECOVERY_CODE.toLowerCase());
    await user.click(screen.getByRole("button", { name: "Delete everything" }));
    await screen.findByRole("heading", { name: "Welcome to Alongside" });
    expect(screen.getByText(/has been deleted/)).toBeInTheDocument();
    expect(vault.exists).toBe(false);
  });

  it("reminds on the dashboard when no backup was made", async () => {
    start("records");
    expect(await screen.findByText(/You have not backed up your records yet/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Make a backup" })).toBeInTheDocument();
  });
});

describe("asking again and failing closed", () => {
  it("drops every record even when the core reports a problem while locking", async () => {
    const user = userEvent.setup();
    start("records");
    await screen.findByRole("navigation", { name: "Main" });
    const real = vault.calls.push.bind(vault.calls);
    // The core locks but cannot tidy its journal: it says so after wiping the key.
    vault.calls.push = (c) => {
      if (c.cmd === "vault_lock") {
        vault.unlocked = false;
        throw { code: "storage", message: "The vault's database reported an error: disk I/O error", field: null };
      }
      return real(c);
    };
    await user.keyboard("{Control>}l{/Control}");
    await screen.findByRole("heading", { name: "Unlock Alongside" });
    expect(screen.getByText(/disk I\/O error/)).toBeInTheDocument();
    expect(screen.queryByRole("navigation", { name: "Main" })).toBeNull();
  });

  it("closes an open passphrase question when Alongside locks", async () => {
    const user = userEvent.setup();
    start("open");
    await user.click(await screen.findByRole("button", { name: "Settings" }));
    await user.click(await screen.findByRole("button", { name: "Make a new recovery code…" }));
    await screen.findByLabelText("Your passphrase", { selector: "input" });
    vault.unlocked = false;
    await emit("vault-locked", { reason: "system" });
    await screen.findByRole("heading", { name: "Unlock Alongside" });
    expect(screen.queryByLabelText("Your passphrase", { selector: "input" })).toBeNull();
    expect(vault.calls.some((c) => c.cmd === "recovery_code_new")).toBe(false);
  });

  it("keeps a new recovery code only once the person says it is saved", async () => {
    const user = userEvent.setup();
    start("open");
    await user.click(await screen.findByRole("button", { name: "Settings" }));
    await user.click(await screen.findByRole("button", { name: "Make a new recovery code…" }));
    await user.type(await screen.findByLabelText("Your passphrase", { selector: "input" }), vault.passphrase);
    await user.click(screen.getByRole("button", { name: "Make a new code" }));
    await screen.findByRole("heading", { name: "Your new recovery code" });
    expect(vault.recoveryCode).toBe(RECOVERY_CODE);
    await user.click(screen.getByLabelText("I have saved my recovery code somewhere safe"));
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await waitFor(() => expect(vault.recoveryCode).not.toBe(RECOVERY_CODE));
    expect(vault.calls.some((c) => c.cmd === "recovery_code_keep")).toBe(true);
  });

  it("turning the keyring on asks first; turning it off does not", async () => {
    const user = userEvent.setup();
    start("open");
    await user.click(await screen.findByRole("button", { name: "Settings" }));
    const box = await screen.findByLabelText("Unlock automatically on this computer");
    await user.click(box);
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(box).not.toBeChecked());
    expect(vault.keyring).toBe(false);
    await user.click(box);
    await user.type(await screen.findByLabelText("Your passphrase", { selector: "input" }), vault.passphrase);
    await user.click(screen.getByRole("button", { name: "Turn on" }));
    await waitFor(() => expect(vault.keyring).toBe(true));
    await user.click(box);
    await waitFor(() => expect(vault.keyring).toBe(false));
  });

  it("clears a copied recovery code from the clipboard after a minute", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      // After user-event's set-up, which puts its own clipboard in place.
      const written: string[] = [];
      Object.defineProperty(navigator, "clipboard", {
        configurable: true,
        value: {
          writeText: async (t: string) => void written.push(t),
          readText: async () => written.at(-1) ?? "",
        },
      });
      start("none");
      await user.click(await screen.findByRole("button", { name: "Set up my locked records" }));
      await user.type(screen.getByLabelText("Passphrase", { selector: "input" }), "river kettle orchard lantern");
      await user.type(screen.getByLabelText("Type it again", { selector: "input" }), "river kettle orchard lantern");
      await user.click(screen.getByRole("button", { name: "Lock my records with it" }));
      await user.click(await screen.findByRole("button", { name: "Copy the code" }));
      expect(written).toEqual([RECOVERY_CODE]);
      await vi.advanceTimersByTimeAsync(59_000);
      expect(written).toEqual([RECOVERY_CODE]);
      await vi.advanceTimersByTimeAsync(2_000);
      expect(written).toEqual([RECOVERY_CODE, ""]);
    } finally {
      vi.useRealTimers();
    }
  });
});
