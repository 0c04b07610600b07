import type { Message } from "@canaduck/contract";
import { describe, expect, it } from "vitest";
import type { SearchHit } from "./hit-line";
import { searchRows } from "./search-rows";
import { atEnd, searchReducer, type SearchAction, type SearchWindow } from "./search-state";
import { rowText } from "../lines/segments";

const hit = (seq: number): SearchHit => {
  const message: Message = {
    id: `m${seq}`,
    channelId: "c1",
    seq,
    kind: "text",
    author: { id: "u-bob", name: "bob" },
    text: `needle ${seq}`,
    meta: {},
    createdAt: "2026-11-24T09:30:00.000Z",
    version: seq,
  };
  return { target: "#dev", message };
};
const terms = [{ text: "needle", prefix: false }];
const run = (state: SearchWindow | null, ...actions: SearchAction[]) => actions.reduce(searchReducer, state);
const started = () => run(null, { type: "start", query: "needle" });
const withHits = (count: number, next: string | null = null) => {
  const s = started();
  return run(s, {
    type: "page",
    id: s?.id ?? 0,
    hits: Array.from({ length: count }, (_, i) => hit(100 - i)),
    terms,
    next,
  });
};
/** The window laid out as the pane would: 40 columns, `height` rows. */
const layoutOf = (state: SearchWindow | null, height: number) => {
  if (!state) throw new Error("no window");
  return searchRows(state, 40, height, Date.now()).layout;
};
const text = (state: SearchWindow | null) =>
  state ? searchRows(state, 60, 30, Date.now()).rows.map(rowText).join("\n") : "";

describe("the results window", () => {
  it("says it is searching, then lists the hits, or says there are none", () => {
    expect(text(started())).toContain("Search: needle — searching…");
    expect(text(withHits(2))).toContain("Search: needle — 2 results, newest first");
    expect(text(withHits(2))).toContain("— end of results —");
    expect(text(withHits(20, "cursor"))).toContain("20+ results");
    expect(text(withHits(20, "cursor"))).toContain("— more results: PageDown or ↓ —");
    expect(text(withHits(0))).toContain("Search: needle — no results");
  });

  it("shows a refusal in the window, and drops an answer to a search it replaced", () => {
    const first = started();
    const second = run(first, { type: "start", query: "other" });
    const late = run(second, { type: "page", id: first?.id ?? 0, hits: [hit(1)], terms, next: null });
    expect(late?.hits).toEqual([]);
    expect(late?.query).toBe("other");
    const refused = run(late, { type: "refused", id: late?.id ?? 0, message: "That search could not be read." });
    expect(text(refused)).toContain("Search: other — That search could not be read.");
  });

  it("moves the selection with ↑/↓ within the results, scrolling to keep it in view", () => {
    let s = withHits(10);
    const layout = layoutOf(s, 6);
    expect(s?.selected).toBe(0);
    s = run(s, { type: "move", by: -1, layout });
    expect(s?.selected).toBe(0);
    for (let i = 0; i < 7; i++) s = run(s, { type: "move", by: 1, layout });
    expect(s?.selected).toBe(7);
    const start = layout.starts[7] ?? 0;
    expect(start).toBeGreaterThanOrEqual(s?.top ?? 0);
    expect(layout.ends[7] ?? 0).toBeLessThanOrEqual((s?.top ?? 0) + 6);
    for (let i = 0; i < 5; i++) s = run(s, { type: "move", by: 1, layout });
    expect(s?.selected).toBe(9);
    // Back to the first result brings the headline back into view.
    for (let i = 0; i < 9; i++) s = run(s, { type: "move", by: -1, layout });
    expect(s?.top).toBe(0);
  });

  it("pages with PageUp/PageDown, selecting a result in view, and asks for more only at the end", () => {
    let s = withHits(10, "cursor");
    if (!s) throw new Error("no window");
    const layout = layoutOf(s, 6);
    expect(atEnd(s, layout, "page-down")).toBe(false);
    s = run(s, { type: "scroll", direction: "down", layout });
    expect(s?.top).toBe(5);
    const selected = s?.selected ?? 0;
    expect(layout.starts[selected]).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < 5; i++) s = run(s, { type: "scroll", direction: "down", layout });
    if (!s) throw new Error("no window");
    expect(s.top).toBe(layout.total - 6);
    expect(atEnd(s, layout, "page-down")).toBe(true);
    s = run(s, { type: "scroll", direction: "up", layout });
    expect(s?.top).toBe(layout.total - 6 - 5);
  });

  it("appends the next page to the results once asked for, and only once at a time", () => {
    const s = withHits(2, "cursor");
    const loading = run(s, { type: "more" });
    expect(loading?.phase).toBe("more");
    expect(text(loading)).toContain("loading more results");
    expect(run(loading, { type: "more" })).toBe(loading);
    const more = run(loading, { type: "page", id: s?.id ?? 0, hits: [hit(3)], terms, next: null });
    expect(more?.hits.map((h) => h.message.seq)).toEqual([100, 99, 3]);
    expect(more?.next).toBeNull();
    expect(run(more, { type: "more" })).toBe(more);
  });

  it("says why a key did nothing until the next move", () => {
    const s = run(withHits(2), { type: "hint", text: "There is no result 9: 1 to 2." });
    expect(text(s)).toContain("There is no result 9: 1 to 2.");
    const moved = run(s, { type: "move", by: 1, layout: layoutOf(s, 10) });
    expect(text(moved)).not.toContain("There is no result 9");
    expect(text(moved)).toContain("Esc closes");
  });

  it("hides behind a conversation, shows again, and closes", () => {
    const s = withHits(2);
    const hidden = run(s, { type: "hide" });
    expect(hidden?.shown).toBe(false);
    expect(hidden?.hits).toHaveLength(2);
    expect(run(hidden, { type: "show" })?.shown).toBe(true);
    expect(run(hidden, { type: "close" })).toBeNull();
  });
});
