import { describe, expect, it } from "vitest";
import { PASTE_END, PASTE_START, pasteReader, pastedLines } from "./paste";

describe("bracketed paste", () => {
  it("reads a paste that arrives in several reads as one text, its line breaks as text", () => {
    const read = pasteReader();
    expect(read("a")).toEqual({ kind: "key" });
    expect(read(PASTE_START)).toEqual({ kind: "reading" });
    expect(read("first\rsec")).toEqual({ kind: "reading" });
    expect(read("ond\r\nthird\r")).toEqual({ kind: "reading" });
    expect(read(PASTE_END)).toEqual({ kind: "pasted", text: "first\nsecond\nthird\n" });
    expect(read("\r")).toEqual({ kind: "key" });
  });

  it("counts the lines of a block without its final line break", () => {
    expect(pastedLines("one\ntwo\n")).toEqual(["one", "two"]);
    expect(pastedLines("just one")).toEqual(["just one"]);
  });
});
