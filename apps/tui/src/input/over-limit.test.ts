import { limits } from "@canaduck/contract";
import { describe, expect, it } from "vitest";
import { overLimitOf, overLimitText } from "./over-limit";

describe("a line over the message limit", () => {
  const long = "x".repeat(limits.messageMaxLength + 5);

  it("counts what is said by text, /me, /msg, /edit and /reply", () => {
    for (const line of [long, `/me ${long}`, `/msg bob ${long}`, `/edit ${long}`, `/reply 2 ${long}`])
      expect(overLimitOf(line)).toBe(5);
    expect(overLimitOf("x".repeat(limits.messageMaxLength))).toBe(0);
    expect(overLimitOf(`/topic ${long}`)).toBe(0);
  });

  it("says how much to cut", () => {
    expect(overLimitText(5)).toBe("Too long by 5 characters: cut 5 to send (the line is kept).");
  });
});
