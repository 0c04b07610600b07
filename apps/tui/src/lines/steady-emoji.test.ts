import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { steadyEmoji } from "./steady-emoji";

describe("emoji drawn the same width by every terminal", () => {
  it("drops the parts terminals join differently: skin tones, ZWJ, VS16, keycaps, tags", () => {
    expect(steadyEmoji("ok 👍🏽!")).toBe("ok 👍!");
    expect(steadyEmoji("👨‍👩‍👧")).toBe("👨👩👧");
    expect(steadyEmoji("I ❤️ it")).toBe("I ❤ it");
    expect(steadyEmoji("press 1️⃣")).toBe("press 1");
    expect(steadyEmoji("🏴󠁧󠁢󠁥󠁮󠁧󠁿")).toBe("🏴");
  });

  it("shows a flag as its country's letters", () => {
    expect(steadyEmoji("vive la 🇫🇷 et 🇩🇪")).toBe("vive la FR et DE");
  });

  it("measures what it draws: each emoji sequence the width of its agreed parts", () => {
    // tmux 3.3 draws 👍🏽 in four columns and 👍 in two: after this, the measure is the drawing.
    expect(stringWidth(steadyEmoji("👍🏽👍🏽👍🏽"))).toBe(6);
    expect(stringWidth(steadyEmoji("👨‍👩‍👧"))).toBe(6);
  });

  it("leaves plain text, accents, CJK and ZWJ outside emoji alone", () => {
    for (const text of ["hello", "é café", "日本語", "क्‍ष"]) expect(steadyEmoji(text)).toBe(text);
  });
});
