import { cleanup, render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { clearMocks } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import App from "../../App.svelte";
import { installMockBackend, newMockVault, RECOVERY_CODE, type MockVault } from "../../mock/backend";
import { session } from "../session.svelte";

let vault: MockVault;

function start(preset: "none" | "locked" | "open") {
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
    await user.click(await screen.findByRole("button", { name: "Set up my private vault" }));
    const pass = screen.getByLabelText("Passphrase", { selector: "input" });

    await user.type(pass, "short");
    await user.click(screen.getByRole("button", { name: "Create my vault" }));
    const error = await screen.findByText(/A few unrelated words make a passphrase/);
    expect(pass).toHaveAttribute("aria-invalid", "true");
    expect(pass.getAttribute("aria-describedby")).toContain(error.id);
    expect(vault.calls.some((c) => c.cmd === "vault_create")).toBe(false);

    await user.clear(pass);
    await user.type(pass, "river kettle orchard lantern");
    await user.type(screen.getByLabelText("Type it again", { selector: "input" }), "river kettle orchard lanterns");
    await user.click(screen.getByRole("button", { name: "Create my vault" }));
    expect(await screen.findByText(/The two passphrases are different/)).toBeInTheDocument();

    const again = screen.getByLabelText("Type it again", { selector: "input" });
    await user.clear(again);
    await user.type(again, "river kettle orchard lantern");
    await user.click(screen.getByLabelText("Unlock automatically on this computer"));
    await user.click(screen.getByRole("button", { name: "Create my vault" }));

    await screen.findByRole("heading", { name: "Save your recovery code" });
    const create = vault.calls.find((c) => c.cmd === "vault_create");
    expect(create?.args).toEqual({ passphrase: "river kettle orchard lantern", useKeyring: false });
    expect(screen.getByLabelText(/Recovery code:/)).toHaveAccessibleName(
      `Recovery code: ${RECOVERY_CODE.split("-").join(", ")}`,
    );
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
    await user.click(await screen.findByRole("button", { name: "Set up my private vault" }));
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
    expect(await screen.findByText(/did not open the vault/)).toBeInTheDocument();
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
    await waitFor(() => expect(vault.autoLock).toBeNull());

    await user.type(screen.getByLabelText("Current passphrase", { selector: "input" }), "not mine at all");
    await user.type(screen.getByLabelText("New passphrase", { selector: "input" }), "a better passphrase");
    await user.type(screen.getByLabelText("New passphrase again", { selector: "input" }), "a better passphrase");
    await user.click(screen.getByRole("button", { name: "Change passphrase" }));
    const current = screen.getByLabelText("Current passphrase", { selector: "input" });
    await waitFor(() => expect(current).toHaveAttribute("aria-invalid", "true"));
    expect(vault.passphrase).toBe("correct horse battery staple");
  });
});
