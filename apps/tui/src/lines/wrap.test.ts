import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { rowText } from "./segments";
import { wrapSegments } from "./wrap";

const texts = (rows: ReturnType<typeof wrapSegments>) => rows.map(rowText);

describe("wrapping", () => {
  it("breaks between words and hangs continuation rows under the text", () => {
    expect(texts(wrapSegments([{ text: "<bob> " }, { text: "one two three four" }], 14, 6))).toEqual([
      "<bob> one two ",
      "      three ",
      "      four",
    ]);
  });

  it("measures wide characters and emoji as two columns, so no row is wider than the pane", () => {
    const rows = wrapSegments([{ text: "日本語のテキストと絵文字👍🎉がたくさん並んでいる行" }], 9);
    for (const row of rows) expect(stringWidth(rowText(row))).toBeLessThanOrEqual(9);
    expect(texts(rows).join("")).toBe("日本語のテキストと絵文字👍🎉がたくさん並んでいる行");
  });

  it("cuts a word longer than a row, and keeps each segment's style", () => {
    const rows = wrapSegments([{ text: "x", color: "red" }, { text: "abcdefghij" }], 4);
    expect(texts(rows)).toEqual(["xabc", "defg", "hij"]);
    expect(rows[0]?.[0]).toEqual({ text: "x", color: "red" });
  });

  it("keeps an empty line as one empty row", () => {
    expect(wrapSegments([], 10)).toEqual([[]]);
  });
});
