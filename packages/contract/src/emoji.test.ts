import { describe, expect, it } from "vitest";
import { isOneEmoji } from "./emoji";

describe("isOneEmoji", () => {
  it.each(["👍", "👍🏽", "❤️", "👨‍👩‍👧", "🏳️‍🌈", "🇫🇷", "1️⃣", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "✅"])("accepts %s", (emoji) => {
    expect(isOneEmoji(emoji)).toBe(true);
  });

  it.each(["", "a", "👍👍", "👍 ", ":)", "1", "👍a", "\u200d", "🇫", "e\u0301"])("refuses %j", (text) => {
    expect(isOneEmoji(text)).toBe(false);
  });
});
