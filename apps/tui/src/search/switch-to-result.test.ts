import { describe, expect, it } from "vitest";
import { initialView, viewReducer } from "../chat/view-state";

describe("switching to the conversation of a search result", () => {
  it("keeps the jump that led there, to be scrolled to again, and drops a jump elsewhere", () => {
    const jumped = viewReducer({ ...initialView, scroll: 12 }, { type: "jumped", channelId: "c-dev", key: "m1" });
    const there = viewReducer(jumped, { type: "switched", channelId: "c-dev" });
    expect(there.focus).toEqual({ channelId: "c-dev", key: "m1", placed: false });
    expect(there.scroll).toBe(0);
    const elsewhere = viewReducer(jumped, { type: "switched", channelId: "c-ops" });
    expect(elsewhere.focus).toBeNull();
    expect(elsewhere.scroll).toBe(0);
  });
});
