import { describe, expect, it } from "vitest";
import { mentions, mentionSpans } from "./mentions";

describe("mentions", () => {
  it("finds the nick as a word, in any case, with or without @", () => {
    expect(mentions("bob: hi", "bob")).toBe(true);
    expect(mentions("hi @Bob", "bob")).toBe(true);
    expect(mentions("bobby is here", "bob")).toBe(false);
    expect(mentions("ask [bob]", "bob")).toBe(false);
    expect(mentions("anything", "")).toBe(false);
  });

  it("gives each mention's span, the @ included", () => {
    const text = "hey Bob, and @bob: but not bobby";
    expect(mentionSpans(text, "bob").map(({ start, end }) => text.slice(start, end))).toEqual(["Bob", "@bob"]);
  });

  it("treats a nick's special characters literally", () => {
    expect(mentions("hi a.c", "a.c")).toBe(true);
    expect(mentions("hi abc", "a.c")).toBe(false);
  });

  it("says a line mentions a nick exactly when it has a span for it, whatever letters surround it", () => {
    // Letters whose case maps to or from ASCII elsewhere (long s, dotless i, Kelvin sign, sharp s,
    // dotted I), full-width look-alikes and combining marks: the quick check must miss none.
    const texts = [
      "ſam",
      "ıvan",
      "\u212Aim",
      "straße",
      "İvan",
      "ｂｏｂ",
      "bob\u0301",
      "é bob",
      "BOB!",
      "xbob",
      "@KIM:",
    ];
    const nicks = ["sam", "ivan", "kim", "strasse", "bob", "Bob", "KIM"];
    for (const text of texts)
      for (const nick of nicks)
        expect(mentions(text, nick), `${text} / ${nick}`).toBe(mentionSpans(text, nick).length > 0);
    expect(mentions("BOB!", "bob")).toBe(true);
    expect(mentions("ſam", "sam")).toBe(false);
  });
});
