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
});
