import { describe, expect, it } from "vitest";
import { computeLayout } from "./layout";

const options = { showMembers: null, hint: false, longestName: 6, hasMembers: true };

describe("layout", () => {
  it("fits 80x24: channel list and messages, members hidden until asked for", () => {
    const l = computeLayout(80, 24, options);
    expect(l.sidebarWidth + l.paneWidth + l.membersWidth).toBe(80);
    expect(l.membersWidth).toBe(0);
    expect(l.paneHeight).toBe(21);
    expect(computeLayout(80, 24, { ...options, showMembers: true }).membersWidth).toBeGreaterThan(0);
  });

  it("shows members on a wide terminal, drops side columns on a narrow one, and makes room for a hint", () => {
    expect(computeLayout(120, 40, options).membersWidth).toBeGreaterThan(0);
    expect(computeLayout(120, 40, { ...options, hasMembers: false }).membersWidth).toBe(0);
    const narrow = computeLayout(45, 20, { ...options, showMembers: true });
    expect([narrow.sidebarWidth, narrow.membersWidth, narrow.paneWidth]).toEqual([0, 0, 45]);
    expect(computeLayout(80, 24, { ...options, hint: true }).paneHeight).toBe(20);
  });
});
