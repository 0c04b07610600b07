import { describe, expect, it } from "vitest";
import { markdownSegments } from "./markdown";
import { layoutPaneLine } from "./pane-line";
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
});
