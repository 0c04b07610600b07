import { describe, expect, it } from "vitest";
import { atTop, initialView, viewReducer } from "./view-state";

describe("scrolling", () => {
  it("pages up by a page less a row, never past the top, and back down to the newest", () => {
    let s = viewReducer(initialView, { type: "scroll", direction: "up", page: 10, total: 25 });
    expect(s.scroll).toBe(9);
    s = viewReducer(s, { type: "scroll", direction: "up", page: 10, total: 25 });
    expect(s.scroll).toBe(15);
    expect(atTop(s.scroll, 25, 10)).toBe(true);
    s = viewReducer(s, { type: "scroll", direction: "down", page: 10, total: 25 });
    s = viewReducer(s, { type: "scroll", direction: "down", page: 10, total: 25 });
    expect(s.scroll).toBe(0);
  });

  it("keeps the lines being read in place when new ones arrive below, and follows them at the bottom", () => {
    const up = { ...initialView, scroll: 5 };
    expect(viewReducer(up, { type: "grew", rows: 3 }).scroll).toBe(8);
    expect(viewReducer(initialView, { type: "grew", rows: 3 }).scroll).toBe(0);
  });
});
