import { describe, expect, it } from "vitest";
import { parseDuration } from "./duration";

describe("parseDuration", () => {
  it.each([
    ["45s", 45],
    ["10m", 600],
    ["2h", 7200],
    ["3d", 259_200],
    ["1w", 604_800],
    ["90", 90],
    ["10M", 600],
    ["0", 0],
  ])("%s is %i seconds", (word, seconds) => {
    expect(parseDuration(word)).toBe(seconds);
  });

  it.each(["", "m", "10x", "1.5h", "-5m", "10 m", "1h30m", "ten"])("%j is not a duration", (word) => {
    expect(parseDuration(word)).toBeNull();
  });
});
