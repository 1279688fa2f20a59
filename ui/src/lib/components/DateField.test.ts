import { cleanup, render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { dayInFull, parseDay, parseTime } from "../data/when";
import DateField from "./DateField.svelte";

afterEach(cleanup);

// A Friday in December, in the tests' own time zone (Europe/London, set in vite.config.ts).
const NOW = new Date(2026, 11, 4, 10, 0);

describe("reading typed dates", () => {
  it("takes the ways people in the UK write a day", () => {
    expect(parseDay("21/1/26", NOW)).toBe("2026-01-21");
    expect(parseDay("21/01/2026", NOW)).toBe("2026-01-21");
    expect(parseDay("21.1.2026", NOW)).toBe("2026-01-21");
    expect(parseDay("21 1 2026", NOW)).toBe("2026-01-21");
    expect(parseDay("3/4", NOW)).toBe("2026-04-03");
    expect(parseDay("21 January 2026", NOW)).toBe("2026-01-21");
    expect(parseDay("2026-01-21", NOW)).toBe("2026-01-21");
    expect(parseDay("today", NOW)).toBe("2026-12-04");
    expect(parseDay(" Yesterday ", NOW)).toBe("2026-12-03");
    expect(parseDay("", NOW)).toBe("");
  });

  it("reads day first and refuses what is not a real day", () => {
    expect(parseDay("1/13/2026", NOW)).toBeNull();
    expect(parseDay("31/2/2026", NOW)).toBeNull();
    expect(parseDay("32/1/2026", NOW)).toBeNull();
    expect(parseDay("0/1/2026", NOW)).toBeNull();
    expect(parseDay("meeting on 5 May", NOW)).toBeNull();
    expect(parseDay("5 May at 6pm", NOW)).toBeNull();
    expect(parseDay("21/1/1850", NOW)).toBeNull();
    expect(parseDay("soon", NOW)).toBeNull();
  });

  it("knows 29 February only in leap years", () => {
    expect(parseDay("29/2/2028", NOW)).toBe("2028-02-29");
    expect(parseDay("29 Feb 2028", NOW)).toBe("2028-02-29");
    expect(parseDay("29/2/2027", NOW)).toBeNull();
    expect(parseDay("29 February 2027", NOW)).toBeNull();
  });

  it("keeps the day across the clocks changing", () => {
    expect(new Date(2026, 6, 1).getTimezoneOffset()).toBe(-60); // the tests run on UK time
    // Just after midnight on the days the clocks go forward and back.
    expect(parseDay("today", new Date(2026, 2, 29, 0, 30))).toBe("2026-03-29");
    expect(parseDay("yesterday", new Date(2026, 2, 30, 0, 30))).toBe("2026-03-29");
    expect(parseDay("today", new Date(2026, 9, 25, 23, 59))).toBe("2026-10-25");
    expect(parseDay("29/3/2026", NOW)).toBe("2026-03-29");
    expect(dayInFull("2026-03-29")).toBe("Sunday 29 March 2026");
    expect(dayInFull("2026-10-25")).toBe("Sunday 25 October 2026");
  });

  it("reads clock times in the ways people write them", () => {
    expect(parseTime("18:30")).toBe("18:30");
    expect(parseTime("18.30")).toBe("18:30");
    expect(parseTime("1830")).toBe("18:30");
    expect(parseTime("6pm")).toBe("18:00");
    expect(parseTime("6.30 p.m.")).toBe("18:30");
    expect(parseTime("12am")).toBe("00:00");
    expect(parseTime("12pm")).toBe("12:00");
    expect(parseTime("9")).toBe("09:00");
    expect(parseTime("midday")).toBe("12:00");
    expect(parseTime("25:00")).toBeNull();
    expect(parseTime("13pm")).toBeNull();
    expect(parseTime("18:75")).toBeNull();
    expect(parseTime("later")).toBeNull();
  });
});

describe("the date field", () => {
  function field(props: { value: string; time?: boolean }) {
    const out = { value: props.value };
    render(DateField, { props: { id: "d", label: "Date", ...props, oninput: (v: string) => (out.value = v) } });
    return { input: screen.getByLabelText("Date") as HTMLInputElement, out };
  }

  it("is a text box, echoes the day in full and stores it as the core keeps it", async () => {
    const user = userEvent.setup();
    const { input, out } = field({ value: "" });
    expect(input.type).toBe("text");
    await user.type(input, "21/1/26");
    expect(out.value).toBe("2026-01-21");
    const echo = screen.getByText("Wednesday 21 January 2026");
    expect(input.getAttribute("aria-describedby")).toContain(echo.id);
    await user.tab();
    expect(input.value).toBe("21/01/2026");
  });

  it("shows a stored day the UK way", () => {
    const { input } = field({ value: "2026-03-29" });
    expect(input.value).toBe("29/03/2026");
    expect(screen.getByText("Sunday 29 March 2026")).toBeInTheDocument();
  });

  it("ties the error to the field once the person moves on, and keeps the typed text", async () => {
    const user = userEvent.setup();
    const { input, out } = field({ value: "" });
    await user.type(input, "31/2/2026");
    expect(screen.queryByText(/Enter a real date/)).toBeNull();
    await user.tab();
    const error = screen.getByText("Enter a real date, like 21/1/2026 (day, month, year).");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input.getAttribute("aria-describedby")).toContain(error.id);
    expect(input.value).toBe("31/2/2026");
    expect(out.value).toBe("31/2/2026"); // not a day: the core refuses it rather than guessing
  });

  it("reads times and writes them on the 24-hour clock", async () => {
    const user = userEvent.setup();
    const { input, out } = field({ value: "", time: true });
    await user.type(input, "6.30pm");
    expect(out.value).toBe("18:30");
    await user.tab();
    expect(input.value).toBe("18:30");
  });
});
