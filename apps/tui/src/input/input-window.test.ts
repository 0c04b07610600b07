import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { inputWindow } from "./input-window";

const shownWidth = (w: { before: string; at: string; after: string }) => stringWidth(w.before + w.at + w.after);

describe("the input line's visible window", () => {
  it("shows a short line whole, with the cursor cell after it", () => {
    expect(inputWindow("hello", 5, 20)).toEqual({ before: "hello", at: " ", after: "" });
    expect(inputWindow("hello", 1, 20)).toEqual({ before: "h", at: "e", after: "llo" });
  });

  it("scrolls a long line so the cursor stays in view, never wider than the room given", () => {
    const line = "日本語のテキスト 👍 and some more words after it";
    for (let cursor = 0; cursor <= line.length; cursor++) {
      const w = inputWindow(line, cursor, 12);
      expect(shownWidth(w)).toBeLessThanOrEqual(12);
      expect(w.at.length).toBeGreaterThan(0);
    }
    expect(inputWindow(line, line.length, 12).before.endsWith("after it")).toBe(true);
  });
});
