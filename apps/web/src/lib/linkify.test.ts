import { describe, expect, it } from "vitest";
import { linkify, safeHref } from "./linkify";

describe("linkify", () => {
  it("turns http(s) URLs into links and leaves closing punctuation outside", () => {
    expect(linkify("see https://example.com/a?b=1. ok")).toEqual([
      { kind: "text", text: "see " },
      { kind: "link", text: "https://example.com/a?b=1", href: "https://example.com/a?b=1" },
      { kind: "text", text: ". ok" },
    ]);
  });

  it("never makes a link of another scheme, and keeps markup as plain text", () => {
    const text = `javascript:alert(1) <a href="javascript:alert(2)">x</a> data:text/html,<script>`;
    expect(linkify(text)).toEqual([{ kind: "text", text }]);
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("http://ok.example/")).toBe("http://ok.example/");
  });

  it("marks the reader's nick as a word, in any case, with or without @", () => {
    expect(linkify("hey Bob, and @bob: but not bobby", "bob")).toEqual([
      { kind: "text", text: "hey " },
      { kind: "mention", text: "Bob" },
      { kind: "text", text: ", and " },
      { kind: "mention", text: "@bob" },
      { kind: "text", text: ": but not bobby" },
    ]);
  });
});
