import { describe, expect, it } from "vitest";
import type { Runtime } from "../command";
import { EffectList } from "../effects";
import { createTestDomain, devChannel } from "../testing";
import { auditTrail } from "./audit";

/** Runs `work` in a committed-or-not transaction; says how it ended and how many audit entries it left. */
async function inTransaction(work: (runtime: Runtime) => Promise<void>) {
  const t = createTestDomain();
  await devChannel(t);
  const before = t.store.snapshot().audit.length;
  const outcome = await t.store
    .transaction((tx) => work({ deps: t.deps, tx, now: t.clock.now(), out: new EffectList() }))
    .then(
      () => "committed",
      (error: unknown) => String(error),
    );
  return { outcome, written: t.store.snapshot().audit.length - before };
}

describe("a command's audit trail", () => {
  it("refuses to commit a success that skipped the entry its command promises always", async () => {
    const result = await inTransaction((runtime) => {
      auditTrail("channel:kick", { action: "kick", when: "always" }, runtime).close();
      return Promise.resolve();
    });
    expect(result).toEqual({
      outcome: "Error: channel:kick succeeded without the audit entry it owes",
      written: 0,
    });
  });

  it("refuses an entry from a command that declares none", async () => {
    const result = await inTransaction(async (runtime) => {
      await auditTrail("channel:part", "none", runtime).write({ detail: "sneaky" });
    });
    expect(result.written).toBe(0);
    expect(result.outcome).toMatch(/channel:part wrote an audit entry/);
  });

  it("writes the declared action, and lets a command that changed nothing skip it", async () => {
    const wrote = await inTransaction(async (runtime) => {
      const trail = auditTrail("channel:topic", { action: "topic", when: "changed" }, runtime);
      await trail.write({ actor: { name: "alice" }, channel: { name: "#dev" }, detail: "new" });
      trail.close();
    });
    expect(wrote).toEqual({ outcome: "committed", written: 1 });
    const skipped = await inTransaction((runtime) => {
      auditTrail("channel:topic", { action: "topic", when: "changed" }, runtime).close();
      return Promise.resolve();
    });
    expect(skipped).toEqual({ outcome: "committed", written: 0 });
  });
});
