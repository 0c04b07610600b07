import type { PasswordHasher } from "@canaduck/domain";
import { describe, expect, it } from "vitest";
import { boundedHasher } from "../../src/security/bounded-hasher";

/** A hasher whose calls finish only when the test says so, counting how many run at once. */
function gatedHasher() {
  const gates: Array<() => void> = [];
  let running = 0;
  let peak = 0;
  const slow = async (result: string) => {
    running += 1;
    peak = Math.max(peak, running);
    await new Promise<void>((resolve) => gates.push(resolve));
    running -= 1;
    if (result === "boom") throw new Error("hashing failed");
    return result;
  };
  const hasher: PasswordHasher = {
    hash: (p) => slow(`h:${p}`),
    verify: (h, p) => slow(p === "boom" ? "boom" : String(h === `h:${p}`)).then((r) => r === "true"),
  };
  return { hasher, gates, peak: () => peak, running: () => running };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("bounded password hashing", () => {
  it("runs at most `concurrency` hashes at once, in arrival order, and passes results and errors through", async () => {
    const inner = gatedHasher();
    const hasher = boundedHasher(inner.hasher, 2);
    const results = [hasher.hash("a"), hasher.verify("h:b", "b"), hasher.verify("x", "boom"), hasher.hash("d")];
    const caught = results[2]?.catch((error: unknown) => error);
    await settle();
    expect(inner.running()).toBe(2);
    for (let i = 0; i < 4; i++) {
      inner.gates.shift()?.();
      await settle();
    }
    expect(await results[0]).toBe("h:a");
    expect(await results[1]).toBe(true);
    expect(await caught).toMatchObject({ message: "hashing failed" });
    expect(await results[3]).toBe("h:d");
    expect(inner.peak()).toBe(2);
    // A failure freed its slot like a success: the hasher still works.
    const later = hasher.hash("e");
    await settle();
    inner.gates.shift()?.();
    expect(await later).toBe("h:e");
  });
});
