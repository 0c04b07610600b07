import { describe, expect, it } from "vitest";
import { PreviewCache } from "./preview-cache";

describe("PreviewCache", () => {
  it("keeps a value until its TTL, failures included", () => {
    let now = 0;
    const cache = new PreviewCache<string>(10, 1_000, () => now);
    cache.set("a", "A");
    cache.set("dead", null);
    now = 999;
    expect([cache.get("a"), cache.get("dead"), cache.get("other")]).toEqual(["A", null, undefined]);
    now = 1_000;
    expect(cache.get("a")).toBeUndefined();
  });

  it("drops the least recently used entry beyond its capacity", () => {
    const cache = new PreviewCache<string>(2, 60_000);
    cache.set("a", "A");
    cache.set("b", "B");
    cache.get("a");
    cache.set("c", "C");
    expect([cache.get("a"), cache.get("b"), cache.get("c"), cache.size]).toEqual(["A", undefined, "C", 2]);
  });
});
