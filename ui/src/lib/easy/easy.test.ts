// Easy read: a contribution logged and a reflection written one question per page, by keyboard
// alone, in English and in Welsh, with the answers checked (and one changed) before saving.
import { cleanup, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { newMockVault, type MockVault } from "../../mock/backend";
import { setLanguage } from "../words.svelte";
import { startApp } from "../testing";

let vault: MockVault;
type User = ReturnType<typeof userEvent.setup>;

async function openEasy(lang: "en-GB" | "cy", where: "contributions" | "reflections" = "contributions") {
  vault = newMockVault("records");
  vault.records.prefs.easy_read = true;
  vault.records.prefs.language = lang;
  startApp(vault, where);
  await screen.findAllByRole("heading", { level: 2 });
}

/** Moves focus by Tab to the button named `name` and presses Enter on it. */
async function press(user: User, name: string | RegExp) {
  for (let i = 0; i < 40; i++) {
    const el = document.activeElement;
    if (el instanceof HTMLButtonElement && (typeof name === "string" ? el.textContent?.trim() === name : name.test(el.textContent ?? ""))) {
      await user.keyboard("{Enter}");
      return;
    }
    await user.tab();
  }
  throw new Error(`no button ${String(name)} reached by Tab`);
}

/** Moves focus by Tab to the field labelled `label` and types into it. */
async function typeInto(user: User, label: string, text: string) {
  const field = screen.getByLabelText(label, { exact: true });
  for (let i = 0; i < 40 && document.activeElement !== field; i++) await user.tab();
  expect(document.activeElement).toBe(field);
  await user.keyboard("{Control>}a{/Control}{Backspace}");
  if (text) await user.keyboard(text);
}

beforeEach(() => {
  Object.defineProperty(window, "crypto", { value: globalThis.crypto, configurable: true });
});
afterEach(() => {
  cleanup();
  clearMocks();
  setLanguage("en-GB");
});

describe("easy read", () => {
  it("asks one question per page, by keyboard alone, and saves what the answers say", async () => {
    const user = userEvent.setup();
    await openEasy("en-GB");
    const heading = await screen.findByRole("heading", { name: "Which project was it for?" });
    expect(screen.getByText("Question 1 of 9")).toBeTruthy();
    // The project of the last entry is chosen already.
    await waitFor(() => expect(screen.getAllByRole("radio").some((r) => (r as HTMLInputElement).checked)).toBe(true));
    heading.focus();
    await press(user, "Continue");
    expect(await screen.findByRole("heading", { name: "When was it?" })).toBe(document.activeElement);
    await press(user, "Continue");
    await screen.findByRole("heading", { name: "What did you do?" });
    await press(user, "Continue");
    await screen.findByRole("heading", { name: "How long did the meeting or work take?" });
    await typeInto(user, "Minutes", "abc");
    await user.keyboard("{Enter}");
    await screen.findByText("Type whole minutes, like 60. Type 0 for none.");
    await typeInto(user, "Minutes", "75");
    await user.keyboard("{Enter}");
    await screen.findByRole("heading", { name: "How long did you spend getting ready?" });
    await typeInto(user, "Minutes", "20");
    await user.keyboard("{Enter}");
    await screen.findByRole("heading", { name: "How long did you spend travelling?" });
    await press(user, "Continue");
    await screen.findByRole("heading", { name: "What did you do or say?" });
    await typeInto(user, "Your words", "Asked for shorter forms");
    await press(user, "Continue");
    await screen.findByRole("heading", { name: "Did anything change because of you?" });
    await press(user, "Continue");
    await screen.findByRole("heading", { name: "Check your answers" });
    expect(screen.getByText("Total time: 1 h 35 min")).toBeTruthy();
    // Change one answer from the check page, and come back to it.
    await press(user, /^Change: How long did you spend travelling\?/);
    await screen.findByRole("heading", { name: "How long did you spend travelling?" });
    await typeInto(user, "Minutes", "25");
    await user.keyboard("{Enter}");
    await screen.findByRole("heading", { name: "What did you do or say?" });
    await press(user, "Continue");
    await press(user, "Continue");
    await screen.findByText("Total time: 2 h");
    await press(user, "Save contribution");
    await screen.findByText(/^Saved: 2 h on/);
    const sent = vault.calls.filter((c) => c.cmd === "contribution_create").at(-1)!.args.data as any;
    expect(sent).toMatchObject({ meeting_minutes: 75, prep_minutes: 20, travel_minutes: 25, summary: "Asked for shorter forms", impact_changed: "" });
    // A fresh first page for the next one.
    await screen.findByRole("heading", { name: "Which project was it for?" });
  });

  it("speaks Welsh when Welsh is chosen", async () => {
    const user = userEvent.setup();
    await openEasy("cy");
    const heading = await screen.findByRole("heading", { name: "Ar gyfer pa brosiect oedd e?" });
    expect(document.documentElement.lang).toBe("cy");
    expect(screen.getByText("Cwestiwn 1 o 9")).toBeTruthy();
    heading.focus();
    await press(user, "Parhau");
    await screen.findByRole("heading", { name: "Pryd oedd e?" });
    expect(within(screen.getByRole("navigation", { name: "Prif" })).getByRole("button", { name: "Gosodiadau" })).toBeTruthy();
  });

  it("writes a reflection one question per page, private unless it is ready to share", async () => {
    const user = userEvent.setup();
    await openEasy("en-GB", "reflections");
    const heading = await screen.findByRole("heading", { name: "What would you like to call it?" });
    expect(screen.getByText("Question 1 of 7")).toBeTruthy();
    heading.focus();
    await press(user, "Continue");
    await screen.findByText("Type a few words to name it.");
    await typeInto(user, "Name", "Reading panel");
    await user.keyboard("{Enter}");
    await screen.findByRole("heading", { name: "What happened?" });
    await typeInto(user, "Your words", "We read the leaflet aloud");
    await press(user, "Continue");
    await screen.findByRole("heading", { name: "Why did it matter to you?" });
    await press(user, "Continue");
    await screen.findByRole("heading", { name: "What will you do next?" });
    await typeInto(user, "Your words", "Ask for large print");
    await press(user, "Continue");
    await screen.findByRole("heading", { name: "How did you feel?" });
    await user.tab();
    await user.keyboard("{ArrowDown}{ArrowDown}{ArrowDown}");
    await press(user, "Continue");
    await screen.findByRole("heading", { name: "Who can see it?" });
    await press(user, "Continue");
    await screen.findByRole("heading", { name: "Check your answers" });
    expect(screen.getByText("Only me (private)")).toBeTruthy();
    await press(user, "Save reflection");
    await screen.findByText("Saved “Reading panel” as private.");
    const sent = vault.calls.filter((c) => c.cmd === "reflection_create").at(-1)!.args.data as any;
    expect(sent).toMatchObject({
      title: "Reading panel",
      template: "rolfe",
      entries: { what: "We read the leaflet aloud", now_what: "Ask for large print" },
      private: true,
      share_ready: false,
    });
    expect(sent.mood).not.toBeNull();
  });
});
