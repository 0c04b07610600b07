import type { Message } from "@canaduck/contract";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { formatTime } from "../lines/format-time";
import { rowText } from "../lines/segments";
import { EXCERPT_MAX, MATCH_STYLE, highlightedText, hitRows, hitTime, type SearchHit } from "./hit-line";

const at = "2026-11-24T09:30:00.000Z";
const now = Date.parse(at) + 3_600_000;
const message = (over: Partial<Message>): Message => ({
  id: "m1",
  channelId: "c1",
  seq: 1,
  kind: "text",
  author: { id: "u-bob", name: "bob" },
  text: "",
  meta: {},
  createdAt: at,
  version: 1,
  ...over,
});
const hit = (over: Partial<Message>, target = "#dev"): SearchHit => ({ target, message: message(over) });
const needle = [{ text: "needle", prefix: false }];
const marked = (text: string, terms = needle) =>
  highlightedText(text, terms)
    .filter((s) => s.inverse)
    .map((s) => s.text);

describe("a search result as the terminal draws it", () => {
  it("marks the matched words, whatever their case, and only whole words (or a prefix)", () => {
    expect(marked("a Needle, two needles and a needle")).toEqual(["Needle", "needle"]);
    expect(marked("needles and needlework", [{ text: "needle", prefix: true }])).toEqual(["needles", "needlework"]);
    const segments = highlightedText("the old needle in the hay", needle);
    expect(segments.map((s) => s.text)).toEqual(["the old ", "needle", " in the hay"]);
    expect(segments[1]).toMatchObject(MATCH_STYLE);
    expect(segments[0]?.inverse).toBeUndefined();
  });

  it("sanitises each piece, so escape sequences and controls never reach the terminal nor shift the marks", () => {
    const text = "\u001b]52;c;ZXZpbA==\u0007a needle\u001b[2J \u202Ehere\nand there";
    const segments = highlightedText(text, needle);
    const drawn = segments.map((s) => s.text).join("");
    expect(drawn).toBe("a needle here and there");
    expect(marked(text)).toEqual(["needle"]);
  });

  it("cuts a long line around its first match, saying where it was cut", () => {
    const text = `${"word ".repeat(200)}needle ${"tail ".repeat(200)}`;
    const segments = highlightedText(text, needle);
    const drawn = segments.map((s) => s.text).join("");
    expect(drawn.startsWith("…")).toBe(true);
    expect(drawn.endsWith("…")).toBe(true);
    expect(drawn.length).toBeLessThanOrEqual(EXCERPT_MAX + 2);
    expect(marked(text)).toEqual(["needle"]);
  });

  it("never cuts an emoji in half", () => {
    const text = `${"😀".repeat(200)} needle`;
    const drawn = highlightedText(text, needle)
      .map((s) => s.text)
      .join("");
    expect(drawn).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it("shows number, conversation, time and author before the text, and ▶ on the selected one", () => {
    const time = formatTime(Date.parse(at));
    expect(hitRows(hit({ text: "a needle" }), needle, 3, false, 80, now).map(rowText)).toEqual([
      `  3. #dev ${time} <bob> a needle`,
    ]);
    expect(rowText(hitRows(hit({ text: "a needle" }), needle, 1, true, 80, now)[0] ?? [])).toBe(
      `▶ 1. #dev ${time} <bob> a needle`,
    );
    expect(rowText(hitRows(hit({ kind: "action", text: "waves a needle" }), needle, 1, false, 80, now)[0] ?? [])).toBe(
      `  1. #dev ${time} * bob waves a needle`,
    );
    // A direct conversation is named by the other person, marked as the window list marks it.
    expect(rowText(hitRows(hit({ text: "needle" }, "carol"), needle, 2, false, 80, now)[0] ?? [])).toContain(
      "2. @carol",
    );
  });

  it("wraps a long result onto rows no wider than the pane, hanging under the conversation", () => {
    const rows = hitRows(hit({ text: `${"hay ".repeat(30)}needle` }), needle, 12, false, 40, now);
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) expect(stringWidth(rowText(row))).toBeLessThanOrEqual(40);
    expect(rowText(rows[1] ?? []).startsWith("    ")).toBe(true);
    expect(
      rows
        .flat()
        .filter((s) => s.inverse)
        .map((s) => s.text),
    ).toEqual(["needle"]);
  });

  it("gives the day of a line from another day, only the time of today's", () => {
    const today = Date.parse(at);
    expect(hitTime(today, now)).toBe(formatTime(today));
    expect(hitTime(today - 3 * 86_400_000, now)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
  });
});
