import { cleanup, render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import App from "../../App.svelte";
import { installMockBackend, newMockVault, type MockVault } from "../../mock/backend";
import { session } from "../session.svelte";
import { lookups } from "../data/lookups.svelte";
import { edits } from "../data/edits.svelte";

let vault: MockVault;

async function open(screenName: string) {
  vault = installMockBackend(newMockVault("records"));
  session.phase = "loading";
  session.notice = null;
  lookups.choices = null;
  edits.undo = null;
  session.screen = "dashboard";
  render(App);
  const nav = await screen.findByRole("navigation", { name: "Main" });
  await screen.findByRole("heading", { name: "Your time" });
  await userEvent.click(within(nav).getByRole("button", { name: screenName }));
  return nav;
}

const calls = (cmd: string) => vault.calls.filter((c) => c.cmd === cmd);

beforeEach(() => {
  Object.defineProperty(window, "crypto", { value: globalThis.crypto, configurable: true });
});
afterEach(() => {
  cleanup();
  clearMocks();
});

describe("contributions", () => {
  it("logs a contribution in one form, starting from the last entry, with mileage worked out", async () => {
    const user = userEvent.setup();
    await open("Contributions");
    await screen.findByRole("heading", { name: "Log a contribution" });
    // Defaults come from the newest entry (90 minutes in the meeting, 30 preparing).
    await waitFor(() => expect(screen.getByLabelText("Meeting or work (minutes)")).toHaveValue("90"));
    expect(screen.getByLabelText("Preparation (minutes)")).toHaveValue("30");
    await user.type(screen.getByLabelText("What I contributed"), "Read the protocol");
    await user.click(screen.getByText("Fee and expenses"));
    await user.selectOptions(screen.getByLabelText("Kind"), "mileage");
    await user.type(screen.getByLabelText("Miles"), "12.3");
    await user.clear(screen.getByLabelText("Pence per mile"));
    await user.type(screen.getByLabelText("Pence per mile"), "45");
    await user.click(screen.getByRole("button", { name: "Add expense" }));
    await screen.findByText(/Mileage: £5\.54 \(12\.3 miles at 45p\)/);
    await user.click(screen.getByRole("button", { name: "Save contribution" }));
    await screen.findByText(/^Saved: 2 h on/);
    const sent = calls("contribution_create").at(-1)!.args.data as any;
    expect(sent).toMatchObject({ summary: "Read the protocol", prep_minutes: 30, meeting_minutes: 90, travel_minutes: 0 });
    expect(sent.expenses[0]).toMatchObject({ kind: "mileage", tenth_miles: 123, pence_per_mile: 45 });
  });

  it("ties errors to their fields, from the form and from the core", async () => {
    const user = userEvent.setup();
    await open("Contributions");
    const prep = await screen.findByLabelText("Preparation (minutes)");
    await user.clear(prep);
    await user.type(prep, "ten");
    await user.click(screen.getByRole("button", { name: "Save contribution" }));
    const error = await screen.findByText("Enter whole minutes (0 or more).");
    expect(prep).toHaveAttribute("aria-invalid", "true");
    expect(prep.getAttribute("aria-describedby")).toContain(error.id);
    expect(calls("contribution_create")).toHaveLength(0);

    await user.clear(prep);
    await user.type(prep, "15");
    const date = screen.getByLabelText("Date");
    await user.clear(date);
    await user.click(screen.getByRole("button", { name: "Save contribution" }));
    await screen.findByText(/Enter a real date/);
    expect(date).toHaveAttribute("aria-invalid", "true");
  });

  it("asks before deleting and offers undo", async () => {
    const user = userEvent.setup();
    await open("Contributions");
    await user.click(await screen.findByRole("button", { name: /^Delete the contribution of/ }));
    const dialog = await screen.findByRole("dialog", { hidden: true });
    await user.click(within(dialog).getByRole("button", { name: "Delete contribution", hidden: true }));
    await user.click(await screen.findByRole("button", { name: "Undo" }));
    await waitFor(() => expect(calls("record_restore")).toHaveLength(1));
    expect(calls("record_delete")[0].args).toMatchObject({ kind: "contribution" });
    await screen.findByText("Spoke about the consent form");
  });
});

describe("attached files", () => {
  it("shows a receipt's preview, attaches more, saves a copy, and detaches with undo", async () => {
    const user = userEvent.setup();
    await open("Contributions");
    await user.click(await screen.findByRole("button", { name: /^Change the contribution of .*4 Mar 2026/ }));
    const files = await screen.findByRole("list", { name: "Files attached to this contribution" });
    // The photo's preview comes from the core as a data: URL, never a file path.
    const preview = await within(files).findByRole("img", { name: "Preview of Train ticket.jpg" });
    expect(preview.getAttribute("src")).toMatch(/^data:image\/png;base64,/);
    expect(within(files).getByText(/Picture, 1\.8 MB; location removed/)).toBeInTheDocument();
    expect(within(files).getByText("PDF, 94 KB")).toBeInTheDocument();
    // The photo is the receipt for the train fare: the line is chosen under it.
    const receiptFor = within(files).getAllByLabelText("Receipt for")[0];
    expect(receiptFor).toHaveValue("");
    await user.selectOptions(receiptFor, "Line 1: Fares, £12.40");
    await screen.findByText("“Train ticket.jpg” is the receipt for line 1 (Fares, £12.40).");
    expect(calls("attachment_for_expense")[0].args).toMatchObject({ expenseUid: "0192e0a0-1111-7000-8000-900000000001" });
    expect(receiptFor).toHaveValue("0192e0a0-1111-7000-8000-900000000001");
    await user.click(screen.getByRole("button", { name: "Attach files…" }));
    await screen.findByText("Attached 1 file. The location and camera details were removed from 1 photo; the pictures are unchanged.");
    await within(files).findByText("Parking receipt.jpg");
    await user.click(screen.getByRole("button", { name: "Save a copy of Travel claim form.pdf" }));
    await screen.findByText("Saved a copy as Travel claim form.pdf.");
    await user.click(screen.getByRole("button", { name: "Detach Train ticket.jpg" }));
    await screen.findByText("Detached “Train ticket.jpg”.");
    await waitFor(() => expect(within(files).queryByText("Train ticket.jpg")).not.toBeInTheDocument());
    await user.click(screen.getByRole("button", { name: "Undo" }));
    await within(files).findByText("Train ticket.jpg");
    expect(calls("attachment_undo")[0].args).toMatchObject({ id: calls("attachment_detach")[0].args.id });
    // Files dropped on the window while these are shown are attached here.
    expect(calls("attachment_drop_target").at(-1)!.args).toMatchObject({ on: true });
  });

  it("asks to save a new record before files are attached", async () => {
    await open("Contributions");
    await screen.findByRole("heading", { name: "Log a contribution" });
    expect(screen.getByText(/Save this contribution first/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Attach files…" })).not.toBeInTheDocument();
  });
});

describe("unsaved changes", () => {
  it("asks before leaving a form that has been typed in", async () => {
    const user = userEvent.setup();
    const nav = await open("Contributions");
    await user.type(await screen.findByLabelText("What I contributed"), "Half-written");
    await user.click(within(nav).getByRole("button", { name: "Overview" }));
    const dialog = await screen.findByRole("dialog", { hidden: true });
    await user.click(within(dialog).getByRole("button", { name: "Stay here", hidden: true }));
    expect(screen.getByLabelText("What I contributed")).toHaveValue("Half-written");
    await user.click(within(nav).getByRole("button", { name: "Overview" }));
    await user.click(within(await screen.findByRole("dialog", { hidden: true })).getByRole("button", { name: "Leave without saving", hidden: true }));
    await screen.findByRole("heading", { name: "Your time" });
  });
});

describe("reflections", () => {
  it("are private by default and keep a draft while typing", async () => {
    const user = userEvent.setup();
    await open("Reflections");
    const isPrivate = await screen.findByLabelText("Private");
    expect(isPrivate).toBeChecked();
    await user.selectOptions(screen.getByLabelText("Template"), "gibbs");
    await user.type(screen.getByLabelText("A short title"), "Ethics panel");
    await user.type(screen.getByLabelText("What were you thinking and feeling?"), "Nervous, then heard");
    await waitFor(() => expect(vault.records.drafts.get("reflection:new")).toContain("Nervous, then heard"), { timeout: 2000 });
    await user.click(screen.getByRole("button", { name: "Save reflection" }));
    await screen.findByText("Saved “Ethics panel” as private.");
    const sent = calls("reflection_create").at(-1)!.args.data as any;
    expect(sent).toMatchObject({ template: "gibbs", private: true, entries: { feelings: "Nervous, then heard" } });
    expect(vault.records.drafts.has("reflection:new")).toBe(false);
  });
});

describe("keyboard shortcuts", () => {
  it("starts a new contribution or meeting and opens Settings, where every shortcut is listed", async () => {
    const user = userEvent.setup();
    await open("Overview");
    await user.keyboard("{Control>}n{/Control}");
    await screen.findByRole("heading", { name: "Contributions" });
    await waitFor(() => expect(document.activeElement?.id).toBe("c-date"));

    await user.keyboard("{Control>}{Shift>}m{/Shift}{/Control}");
    await screen.findByRole("heading", { name: "Meetings and sessions" });
    await waitFor(() => expect(document.activeElement?.id).toBe("m-project"));

    await user.keyboard("{Control>},{/Control}");
    await screen.findByRole("heading", { name: "Settings" });
    const keyboard = screen.getByRole("heading", { name: "Keyboard" }).closest("section") as HTMLElement;
    for (const keys of ["Ctrl+N", "Ctrl+Shift+M", "Ctrl+K", "Ctrl+,", "Ctrl+L", "Escape"]) {
      expect(within(keyboard).getByText(keys)).toBeInTheDocument();
    }
    expect(await screen.findByText("Checked as you type, in British English.")).toBeInTheDocument();
  });
});

describe("import from Settings", () => {
  it("shows the column matching, lists problems by row, then imports all at once", async () => {
    const user = userEvent.setup();
    await open("Settings");
    await user.click(screen.getByRole("button", { name: "Choose a file to import…" }));
    await screen.findByRole("heading", { name: "involvement log 2025.xlsx" });
    const date = screen.getByRole("combobox", { name: "Date" });
    expect(date).toHaveValue("date");
    expect(screen.getByRole("combobox", { name: "Hours spent" })).toHaveValue("");

    await user.selectOptions(date, "Not used");
    await user.click(screen.getByRole("button", { name: "Check the file" }));
    const problems = await screen.findByRole("list", { name: "Problems in the file" });
    expect(within(problems).getByText("Row 3, Date: Every row needs the day of the work.")).toBeInTheDocument();
    expect(screen.getByText(/3 problems found, so nothing can be imported yet/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /^Import / })).toBeNull();

    await user.selectOptions(date, "Date");
    await user.click(screen.getByRole("button", { name: "Check the file" }));
    await screen.findByText(/Ready: 3 contributions \(1 expense line\)\. New projects: Hospital discharge co-design\. Left out: Hours spent\./);
    expect(calls("import_run").every((c) => c.args.dryRun === true)).toBe(true);
    await user.click(screen.getByRole("button", { name: "Import 3 contributions" }));
    await screen.findByText("Imported 3 contributions (1 expense line).");
    const last = calls("import_run").at(-1)!;
    expect(last.args.dryRun).toBe(false);
    expect(last.args.mapping).toContainEqual({ column: "Date", field: "date" });
  });
});

describe("meetings and calendars", () => {
  it("fills a new meeting from an invitation, asks for the project, and offers the organiser", async () => {
    const user = userEvent.setup();
    await open("Meetings");
    await user.click(screen.getByRole("button", { name: "From an invitation…" }));
    await screen.findByText(/Filled in from the invitation “Discharge letters: patient panel”/);
    expect(screen.getByLabelText("Name")).toHaveValue("Discharge letters: patient panel");
    expect(screen.getByLabelText("Date")).toHaveValue("31/03/2026");
    expect(screen.getByText("Tuesday 31 March 2026")).toBeInTheDocument();
    expect(screen.getByLabelText("Starts")).toHaveValue("14:00");
    expect(screen.getByLabelText("Ends")).toHaveValue("15:30");
    expect(screen.getByLabelText("Someone new")).toHaveValue("Dr Fatima Okafor");

    await user.click(screen.getByRole("button", { name: "Save meeting" }));
    expect(await screen.findByText("Choose the project.")).toBeInTheDocument();
    expect(calls("meeting_create")).toHaveLength(0);
    const project = screen.getByRole("combobox", { name: "Project" });
    await user.selectOptions(project, within(project).getAllByRole("option")[1]);
    await user.click(screen.getByRole("button", { name: "Save meeting" }));
    await screen.findByText("The meeting is saved.");
    const made = calls("meeting_create")[0].args.data as { private_notes: string };
    expect(made).toMatchObject({ date: "2026-03-31", start_time: "14:00", end_time: "15:30", online: true });
    expect(made.private_notes).toContain("https://teams.microsoft.com/l/meetup-join/");

    await user.click(screen.getByRole("button", { name: "Add to my calendar…" }));
    await screen.findByText("Saved “2026-03-12 Workshop 2.ics”. Open it to add the meeting to your calendar.");
  });
});

describe("search", () => {
  it("opens with Ctrl+K and shows record text as text, never as HTML", async () => {
    const user = userEvent.setup();
    await open("Overview");
    vault.records.rows.project[0].data.title = "<img src=x onerror=alert(1)> project";
    await user.keyboard("{Control>}k{/Control}");
    const box = await screen.findByLabelText("Search everything");
    await user.type(box, "project");
    await screen.findByText(/match(es)? for/);
    expect(document.querySelector("main img")).toBeNull();
    expect(screen.getByText("<img src=x onerror=alert(1)> project")).toBeInTheDocument();
  });
});

describe("summaries", () => {
  it("previews the chosen report, offers only its formats, and saves with the choices made", async () => {
    const user = userEvent.setup();
    await open("Summaries");
    await screen.findByRole("heading", { name: "Summaries" });
    const preview = await screen.findByRole("article", { name: "Preview of Involvement summary" });
    expect(within(preview).getByRole("table", { name: "Projects" })).toBeInTheDocument();
    // The meeting record is a document: no CSV.
    await user.click(screen.getByLabelText("Meeting and session records"));
    await screen.findByRole("article", { name: "Preview of Meeting and session records" });
    const formats = within(screen.getByLabelText("File format"))
      .getAllByRole("option")
      .map((o) => o.getAttribute("value"));
    expect(formats).not.toContain("csv");
    // Money cannot be left out of the payments statement.
    await user.click(screen.getByLabelText("Payments and expenses statement"));
    expect(screen.getByLabelText("Leave out fees, expenses and payments")).toBeDisabled();
    await user.click(screen.getByLabelText("Involvement summary"));
    // Names become roles unless "show names" is ticked.
    expect(screen.getByLabelText("Show people's names (otherwise each person is shown by their role)")).not.toBeChecked();
    await within(await screen.findByRole("article")).findByText("People are shown by their roles, not their names.");
    await user.selectOptions(screen.getByLabelText("File format"), "docx");
    await user.click(screen.getByRole("button", { name: "Save…" }));
    await screen.findByText(/^Saved \/home\/you\/Documents\/alongside-involvement\.docx \(47 KB\)/);
    const sent = calls("export_save").at(-1)!.args.options as any;
    expect(sent).toMatchObject({ report: "involvement", format: "docx", names: "roles", include_private: false });
    await user.click(screen.getByRole("button", { name: "Show in folder" }));
    expect(calls("export_open").at(-1)!.args).toMatchObject({ reveal: true });
  });

  it("offers the finance rows as CSV, the only format they come in", async () => {
    const user = userEvent.setup();
    await open("Summaries");
    await screen.findByRole("article");
    await user.click(screen.getByLabelText("Payments to participants, for finance"));
    await waitFor(() => expect(screen.getByLabelText("File format")).toHaveValue("csv"));
    await user.click(screen.getByRole("button", { name: /^Save/ }));
    await waitFor(() => expect(calls("export_save")).toHaveLength(1));
    expect((calls("export_save")[0].args as any).options).toMatchObject({ report: "finance", format: "csv" });
  });

  it("leaves private reflections out of the preview until the box is ticked", async () => {
    const user = userEvent.setup();
    await open("Summaries");
    const privateTitles = vault.records.rows.reflection.filter((r: any) => r.data.private).map((r: any) => r.data.title);
    expect(privateTitles.length).toBeGreaterThan(0);
    await screen.findByRole("article");
    for (const t of privateTitles) expect(screen.queryByText(t)).toBeNull();
    await user.click(screen.getByLabelText(/Include private reflections/));
    await screen.findByText(privateTitles[0]);
  });
});

describe("claim packs", () => {
  it("asks for the organisation's own claim details, saves them, and marks the lines only when asked", async () => {
    const user = userEvent.setup();
    await open("Summaries");
    await user.click(await screen.findByRole("radio", { name: "Claim pack" }));
    const details = await screen.findByRole("group", { name: "Your details for this claim" });
    expect(within(details).getByText(/For Maudsley Trust\./)).toBeInTheDocument();
    expect(screen.getByLabelText("Leave out fees, expenses and payments")).toBeDisabled();
    await user.type(within(details).getByLabelText("Your name as they know it"), "Sam Patel");
    await user.type(within(details).getByLabelText(/What they call your reference/), "Supplier number");
    await user.type(within(details).getByLabelText("Your reference"), "SUP-20417");
    await user.click(within(details).getByRole("button", { name: "Save my details" }));
    await within(details).findByText("Saved your claim details for Maudsley Trust.");
    expect(calls("claim_details_save")[0].args.details).toMatchObject({
      name: "Sam Patel",
      payee_reference: "SUP-20417",
      payee_reference_label: "Supplier number",
    });
    expect(calls("claim_mark_submitted")).toHaveLength(0);
    await user.click(within(details).getByRole("button", { name: "Mark these lines as claim submitted today" }));
    await within(details).findByText("Marked 2 contributions as claim submitted today.");
    expect(calls("claim_mark_submitted")[0].args.options).toMatchObject({ report: "claim", leave_out_money: false });
  });
});

describe("error view", () => {
  it("shows what happened and what to do when a screen fails, and recovers", async () => {
    const user = userEvent.setup();
    vault = installMockBackend(newMockVault("records"));
    let broken = true;
    const { mockIPC } = await import("@tauri-apps/api/mocks");
    const { handle } = await import("../../mock/backend");
    mockIPC((cmd, args) => (broken && cmd === "dashboard_get" ? { today: "2026-01-01" } : handle(vault, cmd, (args ?? {}) as Record<string, any>)), {
      shouldMockEvents: true,
    });
    session.phase = "loading";
    session.screen = "dashboard";
    lookups.choices = null;
    render(App);
    await screen.findByRole("heading", { name: "This screen stopped working" });
    expect(screen.getByText(/Your records are safe/)).toBeInTheDocument();
    // The rest of the app still works, and trying again succeeds once the cause is gone.
    expect(screen.getByRole("navigation", { name: "Main" })).toBeInTheDocument();
    broken = false;
    await user.click(screen.getByRole("button", { name: "Try again" }));
    await screen.findByRole("heading", { name: "Your time" });
  });
});

describe("a project's page", () => {
  it("shows its time, money, meetings, contributions and reflections together", async () => {
    await open("Projects");
    await userEvent.click(await screen.findByRole("button", { name: "Open Early psychosis support" }));
    const totals = await screen.findByRole("region", { name: "Time and money" });
    expect(within(totals).getByText("Time given").nextElementSibling).toHaveTextContent(
      "2 h over 1 contribution (30 min preparing, 1 h 30 min in meetings, 0 min travelling)",
    );
    expect(within(totals).getByText("Claimed, waiting").nextElementSibling).toHaveTextContent("£62.40");
    expect(within(totals).getByText("Fees").nextElementSibling).toHaveTextContent("£50.00");
    expect(screen.getByRole("heading", { name: "Reflections (1)" })).toBeInTheDocument();
    expect(screen.getByText("After the committee")).toBeInTheDocument();
    expect(screen.getByText(/Private/)).toBeInTheDocument();
    expect(calls("project_totals").at(-1)?.args).toEqual({ projectId: 1 });
  });
});

describe("drafts of every form", () => {
  it("bring back a contribution and a meeting typed before locking, and forget them once saved", async () => {
    const user = userEvent.setup();
    await open("Contributions");
    await screen.findByRole("heading", { name: "Log a contribution" });
    await user.type(screen.getByLabelText("What I contributed"), "Half-written note about the leaflet");
    await waitFor(() => expect(vault.records.drafts.get("contribution:new")).toContain("Half-written note"), { timeout: 2000 });
    await user.keyboard("{Control>}l{/Control}");
    await screen.findByRole("heading", { name: /Unlock/ });
    await user.type(screen.getByLabelText("Passphrase", { selector: "input" }), "correct horse battery staple");
    await user.click(screen.getByRole("button", { name: "Unlock" }));
    const nav = await screen.findByRole("navigation", { name: "Main" });
    await user.click(within(nav).getByRole("button", { name: "Contributions" }));
    expect(await screen.findByText("Your unsaved contribution was brought back.")).toBeInTheDocument();
    expect(screen.getByLabelText("What I contributed")).toHaveValue("Half-written note about the leaflet");
    await user.click(screen.getByRole("button", { name: "Save contribution" }));
    await screen.findByText(/^Saved: /);
    expect(vault.records.drafts.has("contribution:new")).toBe(false);

    await user.click(within(nav).getByRole("button", { name: "Meetings" }));
    await user.click(await screen.findByRole("button", { name: "Plan a meeting" }));
    await user.type(await screen.findByLabelText("Name"), "Patient panel, June");
    await waitFor(() => expect(vault.records.drafts.get("meeting:new")).toContain("Patient panel, June"), { timeout: 2000 });
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(vault.records.drafts.has("meeting:new")).toBe(false));
  });
});

describe("a reflection's links", () => {
  it("can be about one meeting or contribution of its project", async () => {
    const user = userEvent.setup();
    await open("Reflections");
    await screen.findByRole("heading", { name: "Write a reflection" });
    expect(screen.queryByLabelText("About a meeting (optional)")).toBeNull();
    await user.selectOptions(screen.getByLabelText("About the project"), "1");
    const meeting = await screen.findByLabelText("About a meeting (optional)");
    await waitFor(() => expect(within(meeting).getByRole("option", { name: /Steering committee, March/ })).toBeInTheDocument());
    await user.selectOptions(meeting, within(meeting).getByRole("option", { name: /Steering committee, March/ }));
    const contribution = screen.getByLabelText("About a contribution (optional)");
    await user.selectOptions(contribution, within(contribution).getByRole("option", { name: /consent form/ }));
    await user.type(screen.getByLabelText("A short title"), "Linked thoughts");
    await user.click(screen.getByRole("button", { name: "Save reflection" }));
    await screen.findByText(/Saved “Linked thoughts”/);
    const sent = calls("reflection_create").at(-1)!.args.data as any;
    expect(sent.project_id).toBe(1);
    expect(sent.meeting_id).toBeGreaterThan(0);
    expect(sent.contribution_id).toBeGreaterThan(0);
  });
});

describe("locking", () => {
  it("leaves no record text on the page or in the stores once locked", async () => {
    const user = userEvent.setup();
    await open("Meetings");
    await screen.findAllByText("Steering committee, March");
    expect(lookups.projects.length).toBeGreaterThan(0);
    await user.keyboard("{Control>}l{/Control}");
    await screen.findByRole("heading", { name: "Unlock Alongside" });
    for (const text of ["Steering committee, March", "Early psychosis support", "Send comments on the leaflet", "Rewrite the leaflet"]) {
      expect(document.body.textContent).not.toContain(text);
    }
    expect(lookups.projects).toEqual([]);
    expect(edits.undo).toBeNull();
    expect(session.status?.records).toBeNull();
    expect(session.recoveryCode).toBeNull();
  });
});

describe("a new column, end to end", () => {
  it("keeps the claim or invoice number typed with a contribution", async () => {
    const user = userEvent.setup();
    await open("Contributions");
    await screen.findByRole("heading", { name: "Log a contribution" });
    await user.click(screen.getByText("Fee and expenses"));
    await user.type(screen.getByLabelText("Claim or invoice number"), "INV-2025-017");
    await user.click(screen.getByRole("button", { name: "Save contribution" }));
    await screen.findByText(/^Saved: /);
    const sent = calls("contribution_create").at(-1)!.args.data as any;
    expect(sent.claim_reference).toBe("INV-2025-017");
  });
});

describe("the data layer", () => {
  it("says so when a draft cannot be kept, instead of claiming it is", async () => {
    const user = userEvent.setup();
    await open("Reflections");
    const { mockIPC } = await import("@tauri-apps/api/mocks");
    const { handle } = await import("../../mock/backend");
    mockIPC(
      (cmd, args) => {
        if (cmd === "draft_save") throw { code: "disk_full", message: "The disk is full. Free some space and try again.", field: null };
        return handle(vault, cmd, (args ?? {}) as Record<string, any>);
      },
      { shouldMockEvents: true },
    );
    await user.type(await screen.findByLabelText("A short title"), "Half a thought");
    expect(await screen.findByText(/What you typed is not kept as a draft yet\. The disk is full/, {}, { timeout: 2000 })).toBeInTheDocument();
    expect(vault.records.drafts.has("reflection:new")).toBe(false);
  });

  it("reloads only the lists that show the kind of record that changed", async () => {
    const user = userEvent.setup();
    await open("Meetings");
    await user.click(await screen.findByRole("button", { name: /^Open Steering committee/ }));
    await screen.findByRole("heading", { name: "Add an action" });
    await waitFor(() => expect(calls("action_list").length).toBeGreaterThanOrEqual(2));
    const meetingLists = calls("meeting_list").length;
    const actionLists = calls("action_list").length;
    await user.type(screen.getByLabelText("What is to be done"), "Send the leaflet draft");
    await user.click(screen.getByRole("button", { name: "Add action" }));
    await screen.findByText("Send the leaflet draft", { selector: "label" });
    expect(calls("action_list").length).toBeGreaterThan(actionLists);
    expect(calls("meeting_list").length).toBe(meetingLists);
  });
});

describe("a session the person runs", () => {
  it("records consent, keeps words without consent unquotable, and links an item to a voice", async () => {
    const user = userEvent.setup();
    await open("Meetings");
    await user.click(await screen.findByRole("button", { name: /Open Workshop 2/ }));
    await screen.findByRole("heading", { name: /^Consent$/ });
    // Bea refused to be quoted: "May be quoted" cannot be ticked for her.
    await user.selectOptions(screen.getByLabelText("Who said it"), "Bea Kowalski");
    expect(screen.getByLabelText("May be quoted")).toBeDisabled();
    await screen.findByText("No consent to be quoted is on file for this person.");
    await user.type(screen.getByLabelText("What they said"), "The waiting room was cold");
    await user.click(screen.getAllByRole("button", { name: /^Add$/ })[0]);
    await waitFor(() => expect(calls("voice_create")).toHaveLength(1));
    expect(calls("voice_create")[0].args.data).toMatchObject({ text: "The waiting room was cold", quotable: false });

    // Carys (apologies) has no consent yet: record it.
    await user.selectOptions(screen.getByLabelText("From"), "Carys Hughes");
    await user.click(screen.getByLabelText("their words may be quoted"));
    await user.click(screen.getByLabelText("they may be named"));
    await user.click(screen.getByRole("button", { name: "Save consent" }));
    await waitFor(() => expect(calls("consent_create")).toHaveLength(1));
    expect(calls("consent_create")[0].args.data).toMatchObject({ quote: true, named: true, photo: false, withdrawn_on: null });

    // "We can't, because…" linked to Alex's words.
    await user.type(screen.getByLabelText("You said"), "Pharmacy shut at weekends");
    await user.click(screen.getByLabelText("We can't"));
    await user.type(screen.getByLabelText("What people asked for"), "Open the pharmacy on Saturdays");
    await user.type(screen.getByLabelText("Because"), "the trust sets its hours");
    await user.click(screen.getByLabelText(/Nobody told me who to ring/));
    await user.click(screen.getAllByRole("button", { name: /^Add$/ }).at(-1)!);
    await waitFor(() => expect(calls("feedback_create")).toHaveLength(1));
    const item = calls("feedback_create")[0].args.data as any;
    expect(item).toMatchObject({ status: "cannot", reason: "the trust sets its hours", due_date: null });
    expect(item.voice_ids).toHaveLength(1);
  });

  it("gives an action an owner: a person or the team", async () => {
    const user = userEvent.setup();
    await open("Meetings");
    await user.click(await screen.findByRole("button", { name: /Open Workshop 2/ }));
    await user.type(await screen.findByLabelText("What is to be done"), "Book the room");
    await user.selectOptions(screen.getByLabelText("Who will do it"), "The team");
    await user.click(screen.getByRole("button", { name: "Add action" }));
    await waitFor(() => expect(calls("action_create")).toHaveLength(1));
    expect(calls("action_create")[0].args.data).toMatchObject({ owner_id: null, team_owned: true });
    await user.type(screen.getByLabelText("What is to be done"), "Send the notes");
    await user.selectOptions(screen.getByLabelText("Who will do it"), "Carys Hughes");
    await user.click(screen.getByRole("button", { name: "Add action" }));
    await waitFor(() => expect(calls("action_create")).toHaveLength(2));
    expect(calls("action_create")[1].args.data).toMatchObject({ team_owned: false });
    expect((calls("action_create")[1].args.data as any).owner_id).toBeGreaterThan(0);
  });
});

describe("priorities and notices", () => {
  it("adds a voted priority to a session, most votes first", async () => {
    const user = userEvent.setup();
    await open("Meetings");
    await user.click(await screen.findByRole("button", { name: /Open Workshop 2/ }));
    const list = (await screen.findByRole("heading", { name: "Priorities" })).nextElementSibling?.nextElementSibling as HTMLElement;
    expect(within(list).getAllByRole("listitem")[0]).toHaveTextContent("One phone number for the first week");
    await user.type(screen.getByLabelText("Priority"), "Transport booked ahead");
    await user.clear(screen.getByLabelText("Votes"));
    await user.type(screen.getByLabelText("Votes"), "9");
    await user.click(screen.getByRole("button", { name: "Add priority" }));
    await waitFor(() => expect(calls("meeting_update")).toHaveLength(1));
    expect((calls("meeting_update")[0].args.data as any).priorities).toContainEqual({ text: "Transport booked ahead", votes: 9 });
    await waitFor(() => expect(within(list).getAllByRole("listitem")[0]).toHaveTextContent("Transport booked ahead"));
  });

  it("says once that old meeting notes are private now", async () => {
    const user = userEvent.setup();
    await open("Overview");
    await screen.findByText(/Your earlier meeting notes are now/);
    await user.click(screen.getByRole("button", { name: "Got it" }));
    await waitFor(() => expect(calls("notice_dismiss")).toHaveLength(1));
    expect(screen.queryByText(/Your earlier meeting notes are now/)).toBeNull();
  });
});

describe("paying participants", () => {
  it("makes a payment run, changes a line with an expense and marks the unpaid ones paid together", async () => {
    const user = userEvent.setup();
    await open("Meetings");
    await user.click(await screen.findByRole("button", { name: /Open Workshop 2/ }));
    await user.click(await screen.findByRole("button", { name: "Make payment run" }));
    await waitFor(() => expect(calls("payment_run")).toHaveLength(1));
    await screen.findByText(/^Made 1 payment line at £150\.00 each/);

    await user.click(screen.getByRole("button", { name: "Change Bea Kowalski's payment" }));
    await user.selectOptions(screen.getByLabelText("Arrangement"), "Voucher");
    await user.clear(screen.getByLabelText("Fee (£)"));
    await user.type(screen.getByLabelText("Fee (£)"), "50");
    await user.type(screen.getByLabelText("Amount (£)"), "4.20");
    await user.click(screen.getByRole("button", { name: "Add expense" }));
    await user.type(screen.getByLabelText("Reference"), "V-9");
    await user.click(screen.getByRole("button", { name: "Save payment" }));
    await waitFor(() => expect(calls("payment_update")).toHaveLength(1));
    expect(calls("payment_update")[0].args.data).toMatchObject({ arrangement: "voucher", fee_pence: 5000, reference: "V-9", paid_on: null });
    expect((calls("payment_update")[0].args.data as any).expenses[0]).toMatchObject({ kind: "fares", amount_pence: 420 });

    await user.click(screen.getByRole("button", { name: "Choose all unpaid" }));
    await user.click(screen.getByRole("button", { name: "Mark 2 payments paid" }));
    await waitFor(() => expect(calls("payments_mark_paid")).toHaveLength(1));
    expect((calls("payments_mark_paid")[0].args as any).ids).toHaveLength(2);
    await screen.findByText(/^Marked 2 payments paid/);
  });
});

describe("people", () => {
  it("finds people by name, opens their page and merges a duplicate after asking", async () => {
    const user = userEvent.setup();
    await open("People");
    await screen.findByRole("button", { name: "Open Alex Morgan" });
    await user.type(screen.getByLabelText("Find someone"), "bea");
    await waitFor(() => expect(screen.queryByRole("button", { name: "Open Alex Morgan" })).toBeNull());
    await user.clear(screen.getByLabelText("Find someone"));
    await user.click(await screen.findByRole("button", { name: "Open Alex Morgan" }));
    await screen.findByRole("heading", { name: "Files that held their words" });
    expect(screen.getByText("Papers 7 days ahead")).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText("Another record of Alex Morgan"), "Bea Kowalski");
    await user.click(screen.getByRole("button", { name: "Merge into Alex Morgan" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText(/the stricter answer stands/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Merge" }));
    await screen.findByText(/^Merged: /);
    expect(calls("people_merge")[0].args).toMatchObject({ duplicate: expect.any(Number), keep: expect.any(Number) });
  });
});

describe("sharing", () => {
  it("sets up the identity, opens a passphrase file into the Inbox and adds it only when asked", async () => {
    const user = userEvent.setup();
    await open("Sharing");
    await user.type(await screen.findByLabelText("Your name, as others know you"), "Sam Okafor");
    await user.click(screen.getByRole("button", { name: "Make my sharing identity" }));
    expect(await screen.findByText("1324 4922 9836 2380 0281 2457")).toBeInTheDocument();
    expect(screen.getByRole("img", { name: /QR code of your sharing identity/ })).toBeInTheDocument();

    // A file locked with a passphrase: the passphrase is asked, a wrong one refused.
    vault.records.exchange.nextFile = "passphrase";
    await user.click(screen.getByRole("button", { name: "Open a file…" }));
    expect(await screen.findByText(/locked with a passphrase/)).toBeInTheDocument();
    await user.type(screen.getByLabelText("The file's passphrase", { selector: "input" }), "wrong passphrase here");
    await user.click(screen.getByRole("button", { name: "Open with this passphrase" }));
    expect(await screen.findByText("That passphrase does not open this file.")).toBeInTheDocument();
    const field = screen.getByLabelText("The file's passphrase", { selector: "input" });
    await user.clear(field);
    await user.type(field, "tangerine otter flies sideways");
    await user.click(screen.getByRole("button", { name: "Open with this passphrase" }));
    expect(await screen.findByText(/✓ sharing code checked by phone/)).toBeInTheDocument();
    expect(screen.getByText(/to the feedback of your contribution of 2026-03-12/)).toBeInTheDocument();
    expect(calls("inbox_decide").every((c) => c.args.decision === null)).toBe(true);

    await user.click(screen.getByRole("button", { name: /^Add$/ }));
    expect(await screen.findByText(/^Added\. 3 changes made\./)).toBeInTheDocument();
    expect(calls("inbox_decide").at(-1)?.args).toMatchObject({ decision: "added", passphrase: "tangerine otter flies sideways" });
    expect(await screen.findByRole("heading", { name: "Opened before" })).toBeInTheDocument();

    // Replying: "that's not what I said" about one of the words it carried, back to its sender.
    await user.click(screen.getByRole("button", { name: /^Reply to Priya Shah/ }));
    expect(await screen.findByRole("heading", { name: "Reply to Priya Shah" })).toHaveFocus();
    expect(screen.queryByRole("group", { name: "Send to" })).not.toBeInTheDocument();
    await user.click(screen.getByLabelText(/That's not what I said/));
    await user.click(screen.getByLabelText(/Nobody told us who to ring/));
    await user.click(screen.getByRole("button", { name: "Preview what will be sent" }));
    expect(await screen.findByText("Write what you said, in your own words.")).toBeInTheDocument();
    await user.type(screen.getByLabelText("What you said", { selector: "textarea" }), "Nobody told us which ward to ring.");
    await user.click(screen.getByRole("button", { name: "Preview what will be sent" }));
    expect(await screen.findByText("What you said: “Nobody told us which ward to ring.”")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Save the file…" }));
    await screen.findByText(/^Saved /);
    expect(calls("share_save").at(-1)?.args.request).toMatchObject({
      what: { kind: "correction", replies_to: "mock-envelope", voice_uid: "mock-voice-2", said: "Nobody told us which ward to ring." },
      to_person_ids: [],
    });
    expect(await screen.findByRole("heading", { name: "Sent" })).toBeInTheDocument();
    expect(screen.getByText(/not acknowledged yet/)).toBeInTheDocument();
  });
});

describe("sharing from a session", () => {
  it("sends a lead's 'you said, we did' to one person, and a partner's consent withdrawal", async () => {
    const user = userEvent.setup();
    await open("Meetings");
    vault.records.exchange.identity = {
      public: { name: "Sam Okafor", role: "", signing_key: "AAAA", encryption_key: "age1abc" },
      sharing_code: "1324 4922 9836 2380 0281 2457",
      text: "alongside-identity-1:x",
      qr: [],
    };
    vault.records.exchange.contacts = [1, 2].map((id) => ({
      person_id: id,
      person_name: `Person ${id}`,
      identity: { name: `Person ${id}`, role: "", signing_key: "BBBB", encryption_key: "age1def" },
      fingerprint: `fp${id}`,
      sharing_code: "0416 3846 9915 9847 0091 6757",
      checked_how: "in_person",
      checked_on: "2026-03-01",
    }));
    await user.click(await screen.findByRole("button", { name: /Open Workshop 2/ }));
    await user.click(screen.getByRole("button", { name: "Share this record" }));
    await user.click(screen.getByLabelText(/You said, we did" for one person/));
    const to = screen.getByRole("group", { name: "Send to" });
    await user.click(within(to).getByLabelText("Person 1"));
    await user.click(within(to).getByLabelText("Person 2"));
    await user.click(screen.getByRole("button", { name: "Preview what will be sent" }));
    expect(await screen.findByText(/goes to that person alone/)).toBeInTheDocument();
    await user.click(within(to).getByLabelText("Person 2"));
    await user.click(screen.getByRole("button", { name: "Preview what will be sent" }));
    expect(await screen.findByText(/1 thing they said, 1 item answering them/)).toBeInTheDocument();
    expect(calls("share_preview").at(-1)?.args.request).toMatchObject({ what: { kind: "feedback" }, to_person_ids: [1] });

    // A session of a project someone else runs: the partner's consent, withdrawn.
    await user.click(screen.getByRole("button", { name: "All meetings" }));
    await user.click(await screen.findByRole("button", { name: /^Open Steering committee/ }));
    await user.click(screen.getByRole("button", { name: "Send your consent" }));
    await user.click(screen.getByLabelText(/Withdraw my consent/));
    await user.click(within(screen.getByRole("group", { name: "Send to" })).getByLabelText("Person 1"));
    await user.click(screen.getByRole("button", { name: "Preview what will be sent" }));
    expect(await screen.findByText(/Consent withdrawn for/)).toBeInTheDocument();
    expect(calls("share_preview").at(-1)?.args.request).toMatchObject({ what: { kind: "consent", withdraw: true } });
  });
});

describe("the overview", () => {
  it("counts contributions to others' projects still waiting for feedback", async () => {
    await open("Overview");
    expect(await screen.findByRole("heading", { name: "Waiting for feedback" })).toBeInTheDocument();
    expect(screen.getByText(/^1 contribution has had no feedback yet\./)).toBeInTheDocument();
  });
});

describe("a record that came in a file", () => {
  it("says whose file and when, and offers no change", async () => {
    const user = userEvent.setup();
    await open("Meetings");
    const id = vault.records.rows.meeting.find((m) => m.data.title === "Steering committee, March")!.id;
    vault.records.exchange.origins[`meeting:${id}`] = { sender_name: "Priya Shah", made_at: "2026-03-20T10:00:00Z", opened_at: "2026-03-21T09:00:00Z" };
    await user.click(await screen.findByRole("button", { name: /^Open Steering committee/ }));
    expect(await screen.findByText(/From Priya Shah's file of/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Change or record notes" })).not.toBeInTheDocument();
  });
});

describe("a file that arrived", () => {
  it("opens on the Sharing page once the vault is open, changing nothing until Add", async () => {
    vault = installMockBackend(newMockVault("records"));
    vault.records.exchange.arrived = true;
    session.phase = "loading";
    session.notice = null;
    lookups.choices = null;
    session.screen = "dashboard";
    render(App);
    expect(await screen.findByRole("heading", { name: "What would change" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Sharing", level: 1 })).toBeInTheDocument();
    expect(calls("inbox_decide")).toHaveLength(0);
  });
});
