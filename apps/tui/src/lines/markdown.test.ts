import { describe, expect, it } from "vitest";
import { fromMarkdown } from "mdast-util-from-markdown";
import { isPlainText, markdownSegments } from "./markdown";
import { layoutPaneLine } from "./pane-line";
import { sanitize } from "./sanitize";
import { rowText } from "./segments";

const styled = (text: string) => markdownSegments(text).filter((s) => Object.keys(s).length > 1);
const rows = (text: string) =>
  layoutPaneLine({ key: "k", at: 0, head: [], body: markdownSegments(text) }, 80).map(rowText);

describe("formatting in the terminal", () => {
  it("draws bold, italic, strikethrough and inline code as styles, without their marks", () => {
    const segments = markdownSegments("a **bold** *it* ~~gone~~ `x = 1` end");
    expect(segments.map((s) => s.text).join("")).toBe("a bold it gone x = 1 end");
    expect(styled("a **bold** *it* ~~gone~~ `x = 1` end")).toEqual([
      { text: "bold", bold: true },
      { text: "it", italic: true },
      { text: "gone", strikethrough: true },
      { text: "x = 1", color: "yellow" },
    ]);
  });

  it("indents a fenced code block and puts a bar before a quote", () => {
    expect(rows("look:\n```\nconst a = 1;\nrun();\n```")).toEqual(["look:", "  const a = 1;", "  run();"]);
    expect(rows("> said before\n\nand now")).toEqual(["│ said before", "", "and now"]);
  });

  it("shows everything else as typed: headings, lists, raw HTML, a lone asterisk", () => {
    expect(rows("# not a title")).toEqual(["# not a title"]);
    expect(rows("1. one\n2. two")).toEqual(["1. one", "2. two"]);
    expect(rows("<script>alert(1)</script> 2 * 3")).toEqual(["<script>alert(1)</script> 2 * 3"]);
  });

  it("shows a link's address after its label and never loses control-character sanitising", () => {
    expect(rows("[docs](https://example.org)")).toEqual(["docs <https://example.org>"]);
    expect(rows("**red\u001b[31m**")).toEqual(["red"]);
  });

  it("draws a line without marks as it is typed, the parser's reading of it, without parsing it", () => {
    const lines = [
      "flood line 12",
      "hello world, how are you?",
      "a > b and c = d; 50% off! (really)",
      "cost: 5 $ at http://example.org/a?b=c",
      "héllo 👍🏽 世界 🏳️‍🌈",
      "#dev is fun",
      "1. one",
      "2) two",
      "- item",
      "+ item",
      "--- ",
      "=== heading?",
      " leading space",
      "trailing space ",
      "    indented code",
      "a\nb",
      "a_b_c",
      "a *b* c",
      "x ~~y~~",
      "use `npm`",
      "[link](x)",
      "AT&amp;T",
      "a\\b",
      "<b>hi</b>",
      "a | b | c",
    ];
    const plain = lines.filter(isPlainText);
    expect(plain).toEqual([
      "flood line 12",
      "hello world, how are you?",
      "a > b and c = d; 50% off! (really)",
      "cost: 5 $ at http://example.org/a?b=c",
      "héllo 👍🏽 世界 🏳️‍🌈",
      "a | b | c",
    ]);
    for (const line of plain) {
      // What the parser reads from it (as drawn: emoji steadied): one paragraph of one text, the line itself.
      const text = sanitize(line);
      const [paragraph, ...more] = fromMarkdown(text).children;
      expect(more).toEqual([]);
      expect(paragraph?.type === "paragraph" && paragraph.children).toMatchObject([{ type: "text", value: text }]);
      expect(markdownSegments(line, { italic: true })).toEqual([{ italic: true, text }]);
    }
  });
});
