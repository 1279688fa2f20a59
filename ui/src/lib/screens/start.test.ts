// The start screens in the language chosen on the welcome screen: the choice is made before
// anything else, remembered for the next start (before the records are unlocked), and becomes
// the new records' own language.
import { cleanup, render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";
import App from "../../App.svelte";
import { installMockBackend, newMockVault } from "../../mock/backend";
import { session } from "../session.svelte";
import { setLanguage } from "../words.svelte";
import { startApp } from "../testing";

afterEach(() => {
  cleanup();
  clearMocks();
  setLanguage("en-GB");
});

describe("the start screens' language", () => {
  it("is chosen on the welcome screen, remembered, and given to the new records", async () => {
    const user = userEvent.setup();
    const vault = installMockBackend(newMockVault("none"));
    session.phase = "loading";
    render(App);
    await screen.findByRole("heading", { name: "Welcome to Alongside" });
    const choice = screen.getByRole("group", { name: "Language" });
    expect(choice.querySelector("[lang=cy]")?.textContent).toBe("Cymraeg");

    await user.click(screen.getByRole("button", { name: "Cymraeg" }));
    await screen.findByRole("heading", { name: "Croeso i Alongside" });
    expect(document.documentElement.lang).toBe("cy");
    expect(screen.getByRole("button", { name: "Cymraeg" }).getAttribute("aria-pressed")).toBe("true");
    expect(localStorage.getItem("alongside-language")).toBe("cy");
    await user.click(screen.getByRole("button", { name: "Creu fy nghofnodion dan glo" }));
    await screen.findByRole("heading", { name: "Dewiswch gyfrinymadrodd" });
    expect(screen.getByLabelText("Teipiwch ef eto")).toBeTruthy();

    await session.create("correct horse battery staple", false);
    expect(vault.records.prefs.language).toBe("cy");
  });

  it("is read back when the window starts again", async () => {
    localStorage.setItem("alongside-language", "cy");
    vi.resetModules();
    const fresh = await import("../words.svelte");
    expect(fresh.words.lang).toBe("cy");
    expect(document.documentElement.lang).toBe("cy");
    fresh.setLanguage("en-GB");
  });

  it("greets in the remembered language before the records are unlocked", async () => {
    setLanguage("cy");
    installMockBackend(newMockVault("locked"));
    session.phase = "loading";
    render(App);
    await screen.findByRole("heading", { name: "Datgloi Alongside" });
    expect(screen.getByLabelText("Cyfrinymadrodd")).toBeTruthy();
    await waitFor(() => expect(screen.getByRole("button", { name: "Datgloi" })).toBeTruthy());
  });

  it("marks the screens still in English as English while the window is in Welsh", async () => {
    const user = userEvent.setup();
    const vault = newMockVault("records");
    vault.records.prefs.language = "cy";
    startApp(vault);
    const nav = await screen.findByRole("navigation", { name: "Prif" });
    await screen.findByRole("heading", { name: "Eich amser" });
    expect(document.getElementById("main")?.getAttribute("lang")).toBeNull();
    await user.click(within(nav).getByRole("button", { name: "Prosiectau" }));
    await waitFor(() => expect(document.getElementById("main")?.getAttribute("lang")).toBe("en-GB"));
    await user.click(within(nav).getByRole("button", { name: "Chwilio (Ctrl+K)" }));
    await waitFor(() => expect(document.getElementById("main")?.getAttribute("lang")).toBeNull());
  });
});
