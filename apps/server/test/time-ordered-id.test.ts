import { describe, expect, it } from "vitest";
import { timeOrderedId } from "../src/time-ordered-id";

describe("time-ordered ids", () => {
  it("are UUIDs of version 7 that carry their time", () => {
    const at = Date.parse("2026-12-02T01:02:03.456Z");
    const id = timeOrderedId(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(at);
  });

  it("sort in the order they were made, across milliseconds, and never repeat", () => {
    const ids = Array.from({ length: 2000 }, (_, i) => timeOrderedId(1_000_000 + Math.floor(i / 10)));
    expect(new Set(ids).size).toBe(ids.length);
    const firstOfEachMs = ids.filter((_, i) => i % 10 === 0);
    expect([...firstOfEachMs].sort()).toEqual(firstOfEachMs);
    expect(ids.every((id, i) => i < 10 || id > (ids[i - 10] ?? ""))).toBe(true);
  });
});
