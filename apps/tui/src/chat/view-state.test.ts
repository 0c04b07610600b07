import { describe, expect, it } from "vitest";
import { atTop, initialView, keepsView, viewReducer } from "./view-state";

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

describe("a jump", () => {
  it("marks its line until the pane returns to the newest lines, scrolling to it once", () => {
    let s = viewReducer(initialView, { type: "jumped", channelId: "c-#dev", key: "m5" });
    expect(s.focus).toEqual({ channelId: "c-#dev", key: "m5", placed: false });
    s = viewReducer(s, { type: "placed", scroll: 40 });
    expect(s).toMatchObject({ scroll: 40, focus: { placed: true } });
    s = viewReducer(s, { type: "reset-scroll" });
    expect(s).toMatchObject({ scroll: 0, focus: null });
  });

  it("drops the mark once PageDown reaches the newest lines", () => {
    let s = viewReducer(initialView, { type: "jumped", channelId: "c-#dev", key: "m5" });
    s = viewReducer(s, { type: "placed", scroll: 12 });
    s = viewReducer(s, { type: "scroll", direction: "down", page: 10, total: 40 });
    expect(s).toMatchObject({ scroll: 3, focus: { key: "m5" } });
    s = viewReducer(s, { type: "scroll", direction: "down", page: 10, total: 40 });
    expect(s).toMatchObject({ scroll: 0, focus: null });
  });

  it("keeps the lines shown for commands that count from their bottom; a send returns to the newest", () => {
    expect(keepsView("/goto 2", "#dev")).toBe(true);
    expect(keepsView("/react 👍 3", "#dev")).toBe(true);
    expect(keepsView("hello", "#dev")).toBe(false);
    expect(keepsView("/join #ops", "#dev")).toBe(false);
  });
});
