import { describe, expect, it } from "vitest";
import { hoursText, minutesFromHours } from "./format";

describe("hours typed in a box", () => {
  it("reads whole hours, decimals and clock-style hours as minutes", () => {
    expect(minutesFromHours("6")).toBe(360);
    expect(minutesFromHours(" 7.5 ")).toBe(450);
    expect(minutesFromHours("6:30")).toBe(390);
    expect(minutesFromHours("0.25")).toBe(15);
  });
  it("refuses what is not hours", () => {
    for (const bad of ["", "six", "-1", "6:75", "1.234", "6h"]) expect(minutesFromHours(bad)).toBeNull();
  });
  it("writes minutes back as hours for the box", () => {
    expect(hoursText(360)).toBe("6");
    expect(hoursText(390)).toBe("6.5");
    expect(hoursText(20)).toBe("0.33");
  });
});
