import { describe, expect, it } from "vitest";
import { highlightRanges, parseSearchQuery, SEARCH_WORDS_MAX, type SearchQuery } from "./search-query";

const read = (text: string): SearchQuery => {
  const reading = parseSearchQuery(text);
  if (!reading.ok) throw new Error(`refused: ${reading.message}`);
  return reading.query;
};
const refusal = (text: string): string => {
  const reading = parseSearchQuery(text);
  if (reading.ok) throw new Error(`accepted ${JSON.stringify(reading.query)}`);
  return reading.message;
};

describe("reading a search", () => {
  it("finds every word, the last one also as a prefix as the user types", () => {
    expect(read("Deploy Friday nig").words).toEqual([
      { text: "deploy", prefix: false },
      { text: "friday", prefix: false },
      { text: "nig", prefix: true },
    ]);
  });

  it("reads quoted words as a phrase, and an unclosed quote as running to the end", () => {
    const q = read('"release notes" draft');
    expect(q.phrases).toEqual([["release", "notes"]]);
    expect(q.words.map((w) => w.text)).toEqual(["release", "notes", "draft"]);
    expect(q.words.at(-1)?.prefix).toBe(true);
    expect(read('"half open quote').phrases).toEqual([["half", "open", "quote"]]);
    // Words of a phrase are whole words, never prefixes.
    expect(read('"exact words"').words.every((w) => !w.prefix)).toBe(true);
  });

  it("takes the filters out of the words", () => {
    const q = read("from:Alice in:#dev has:link before:2026-12-01 after:2026-11-01 outage");
    expect(q).toMatchObject({ from: "Alice", in: "#dev", hasLink: true });
    expect(q.until?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(q.since?.toISOString()).toBe("2026-11-02T00:00:00.000Z");
    expect(q.words).toEqual([{ text: "outage", prefix: true }]);
    const on = read("on:2026-02-28 lunch");
    expect([on.since?.toISOString(), on.until?.toISOString()]).toEqual([
      "2026-02-28T00:00:00.000Z",
      "2026-03-01T00:00:00.000Z",
    ]);
  });

  it("reads index syntax as plain words, so none reaches the index", () => {
    expect(read("NEAR(a b)").words.map((w) => w.text)).toEqual(["near", "a", "b"]);
    expect(read("title:x OR y* -z").words.map((w) => w.text)).toEqual(["title", "x", "or", "y", "z"]);
    expect(
      read('\'; DROP TABLE "Message"; --')
        .words.map((w) => w.text)
        .sort(),
    ).toEqual(["drop", "message", "table"]);
    expect(read("ünïcödé 東京 42").words.map((w) => w.text)).toEqual(["ünïcödé", "東京", "42"]);
  });

  it("refuses what it cannot read, saying why", () => {
    expect(refusal("")).toMatch(/at least one word/);
    expect(refusal("   ")).toMatch(/at least one word/);
    expect(refusal("*")).toMatch(/at least one word/);
    expect(refusal('""')).toMatch(/at least one word/);
    expect(refusal("from:alice")).toMatch(/at least one word/);
    expect(refusal("before:yesterday x")).toMatch(/date like 2026-12-01/);
    expect(refusal("on:2026-02-30 x")).toMatch(/date like/);
    expect(refusal("has:file x")).toMatch(/has: takes only "link"/);
    expect(refusal("from: x")).toMatch(/from: needs a value/);
    expect(refusal("after:2026-12-01 before:2026-12-01 x")).toMatch(/both after and before/);
    expect(refusal(Array.from({ length: SEARCH_WORDS_MAX + 1 }, (_, i) => `w${i}`).join(" "))).toMatch(/at most 16/);
  });

  it("keeps a word that merely looks like a filter", () => {
    expect(read("ratio 16:9").words.map((w) => w.text)).toEqual(["ratio", "16", "9"]);
    expect(read("https://example.com").words.map((w) => w.text)).toEqual(["https", "example", "com"]);
  });
});

describe("highlighting", () => {
  it("marks whole words, and words that start with a prefix, folding case and accents", () => {
    const text = "Deploy on Friday; deployment at night. Café, cafe.";
    const ranges = highlightRanges(text, [
      { text: "deploy", prefix: true },
      { text: "night", prefix: false },
      { text: "café", prefix: false },
    ]);
    expect(ranges.map(([a, b]) => text.slice(a, b))).toEqual(["Deploy", "deployment", "night", "Café", "cafe"]);
    expect(highlightRanges(text, [{ text: "deploy", prefix: false }]).map(([a, b]) => text.slice(a, b))).toEqual([
      "Deploy",
    ]);
    expect(highlightRanges(text, [])).toEqual([]);
  });
});
