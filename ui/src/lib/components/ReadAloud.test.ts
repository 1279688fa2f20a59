// Read aloud: the frame's button reads the screen's main text in the window's language, turns
// into Pause / Carry on while it reads, Stop ends it with focus kept; the preview reads each
// part of a report in its own language; a computer without a speech service is told what to do.
import { cleanup, render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { handle, installMockBackend, newMockVault, type MockVault } from "../../mock/backend";
import { setLanguage } from "../words.svelte";
import { startApp } from "../testing";
import ReportPreview from "./ReportPreview.svelte";
import type { Document } from "../bindings";

let vault: MockVault;

async function open(lang: "en-GB" | "cy" = "en-GB") {
  vault = newMockVault("records");
  vault.records.prefs.language = lang;
  startApp(vault);
  await screen.findByRole("heading", { level: 1 });
}

const reads = () => vault.calls.filter((c) => c.cmd === "read_aloud");

beforeEach(() => {
  Object.defineProperty(window, "crypto", { value: globalThis.crypto, configurable: true });
});
afterEach(() => {
  cleanup();
  clearMocks();
  setLanguage("en-GB");
});

describe("read aloud", () => {
  it("reads the screen, pauses, carries on and stops, by keyboard", async () => {
    const user = userEvent.setup();
    await open();
    const group = await screen.findByRole("group", { name: "Read aloud: this screen" });
    const button = within(group).getByRole("button", { name: /Read aloud/ });
    button.focus();
    await user.keyboard("{Enter}");

    expect(reads()).toHaveLength(1);
    const { text, language } = reads()[0].args as { text: string; language: string };
    expect(language).toBe("en-GB");
    // The screen's own words, not the menu's or the buttons' above it.
    expect(text).toContain(screen.getByRole("heading", { level: 1 }).textContent ?? "");
    expect(text).not.toContain("Read aloud");
    await waitFor(() => expect(button.textContent).toContain("Pause"));
    expect(within(group).getByRole("status").textContent).toBe("Reading aloud");

    await user.keyboard("{Enter}");
    await waitFor(() => expect(button.textContent).toContain("Carry on"));
    expect(within(group).getByRole("status").textContent).toBe("Reading paused");
    await user.keyboard("{Enter}");
    await waitFor(() => expect(button.textContent).toContain("Pause"));

    await user.tab();
    expect(document.activeElement?.textContent).toContain("Stop reading");
    await user.keyboard("{Enter}");
    await waitFor(() => expect(button.textContent).toContain("Read aloud"));
    expect(document.activeElement).toBe(button);
    expect(within(group).queryByRole("button", { name: /Stop reading/ })).toBeNull();
    expect(vault.calls.map((c) => c.cmd)).toEqual(expect.arrayContaining(["read_aloud_pause", "read_aloud_resume", "read_aloud_stop"]));
  });

  it("reads in Welsh when the window is in Welsh", async () => {
    const user = userEvent.setup();
    await open("cy");
    const group = await screen.findByRole("group", { name: "Darllen yn uchel: y sgrin hon" });
    await user.click(within(group).getByRole("button", { name: /Darllen yn uchel/ }));
    expect((reads()[0].args as { language: string }).language).toBe("cy");
    await waitFor(() => expect(within(group).getByRole("button", { name: /Oedi/ })).toBeTruthy());
    // Locking stops the reading.
    await user.click(screen.getByRole("button", { name: /Cloi/ }));
    expect(vault.reading).toBe(0);
  });

  it("tells a computer without a speech service what to install", async () => {
    const user = userEvent.setup();
    await open();
    const v = vault;
    mockIPC(
      (cmd, args) => {
        if (cmd === "read_aloud") throw { code: "io", message: "this computer's speech service is not available", field: null };
        return handle(v, cmd, (args ?? {}) as Record<string, any>);
      },
      { shouldMockEvents: true },
    );
    const group = await screen.findByRole("group", { name: "Read aloud: this screen" });
    await user.click(within(group).getByRole("button", { name: /Read aloud/ }));
    const alert = await within(group).findByRole("alert");
    expect(alert.textContent).toContain("speech-dispatcher");
    expect(within(group).getByRole("button", { name: /Read aloud/ })).toBeTruthy();
  });

  it("reads each part of a bilingual report in its own language", async () => {
    const user = userEvent.setup();
    vault = installMockBackend(newMockVault("records"));
    const part = (lang: "cy" | "en-GB", title: string, line: string): Document =>
      ({
        title,
        subtitle: "",
        prepared: "",
        notes: [],
        blocks: [{ type: "paragraph", text: line }],
        lang,
      }) as unknown as Document;
    const doc = { ...part("cy", "Crynodeb", "Diolch am eich amser."), second: part("en-GB", "Summary", "Thank you for your time.") };
    render(ReportPreview, { doc });
    const welsh = screen.getByRole("group", { name: "Read aloud: Crynodeb" });
    const english = screen.getByRole("group", { name: "Read aloud: Summary" });
    await user.click(within(welsh).getByRole("button", { name: /Read aloud/ }));
    expect(reads()[0].args).toMatchObject({ language: "cy" });
    expect(String(reads()[0].args.text)).toContain("Diolch am eich amser.");
    expect(String(reads()[0].args.text)).not.toContain("Thank you");
    await waitFor(() => expect(within(welsh).getByRole("button", { name: /Pause/ })).toBeTruthy());

    // The English part's button starts its own reading, which stops the Welsh one.
    await user.click(within(english).getByRole("button", { name: /Read aloud/ }));
    expect(reads()[1].args).toMatchObject({ language: "en-GB" });
    expect(String(reads()[1].args.text)).toContain("Thank you for your time.");
    await waitFor(() => expect(within(english).getByRole("button", { name: /Pause/ })).toBeTruthy());
    expect(within(welsh).getByRole("button", { name: /Read aloud/ })).toBeTruthy();
  });
});
