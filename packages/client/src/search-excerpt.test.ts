import { describe, expect, it } from "vitest";
import { searchExcerpt } from "./search-excerpt";

const marked = (parts: ReturnType<typeof searchExcerpt>) => parts.filter((p) => p.mark).map((p) => p.text);
const whole = (parts: ReturnType<typeof searchExcerpt>) => parts.map((p) => p.text).join("");

describe("searchExcerpt", () => {
  it("marks every matched word, a prefix included, and keeps the rest as plain text", () => {
    const parts = searchExcerpt("Deploy the deployment on Friday", [
      { text: "deploy", prefix: true },
      { text: "friday", prefix: false },
    ]);
    expect(marked(parts)).toEqual(["Deploy", "deployment", "Friday"]);
    expect(whole(parts)).toBe("Deploy the deployment on Friday");
  });

  it("cuts a long line around its first match, saying where text was left out", () => {
    const text = `${"a ".repeat(400)}needle ${"b ".repeat(400)}`;
    const parts = searchExcerpt(text, [{ text: "needle", prefix: false }], 100);
    expect(marked(parts)).toEqual(["needle"]);
    expect(parts[0]?.text).toBe("…");
    expect(parts.at(-1)?.text).toBe("…");
    expect(whole(parts).length).toBeLessThanOrEqual(102);
  });

  it("reads line breaks as spaces and never splits a character made of two code units", () => {
    expect(whole(searchExcerpt("one\ntwo", [{ text: "two", prefix: false }]))).toBe("one two");
    const text = `${"🦆".repeat(200)} duck`;
    const parts = searchExcerpt(text, [{ text: "duck", prefix: false }], 51);
    expect(whole(parts)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(marked(parts)).toEqual(["duck"]);
  });
});
