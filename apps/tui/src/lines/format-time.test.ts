import { afterEach, describe, expect, it } from "vitest";
import { formatDateTime, formatTime, setClock } from "./format-time";

const at = (h: number, m: number) => new Date(2026, 10, 24, h, m).getTime();

describe("times, in one format", () => {
  afterEach(() => setClock("24"));

  it("shows the 24-hour clock by default, and the 12-hour one when asked", () => {
    expect(formatTime(at(9, 5))).toBe("09:05");
    expect(formatTime(at(21, 30))).toBe("21:30");
    expect(formatDateTime(at(21, 30))).toBe("2026-11-24 21:30");
    setClock("12");
    expect(formatTime(at(0, 5))).toBe("12:05am");
    expect(formatTime(at(21, 30))).toBe("9:30pm");
    expect(formatDateTime(at(12, 0))).toBe("2026-11-24 12:00pm");
  });
});
