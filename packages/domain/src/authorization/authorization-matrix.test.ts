import { clientEventNames } from "@canaduck/contract";
import { describe, expect, it } from "vitest";
import { codeOf } from "../testing";
import { castFor, modes, roles } from "./cast";
import { cases, verdictFor } from "./expected-access";

/**
 * Every client event × every role × both channel modes, against the permission table as the
 * dispatcher enforces it: each answer is "ok" or exactly the expected code, and a refusal
 * changes nothing and tells nobody anything.
 */
describe("authorization matrix", () => {
  it("has a row for every client event", () => {
    expect([...new Set(cases.map((c) => c.event))].sort()).toEqual([...clientEventNames].sort());
  });

  const rows = cases.flatMap((c) =>
    modes.flatMap((mode) =>
      roles.map((role) => ({
        c,
        mode,
        role,
        verdict: verdictFor(c.expected, role, mode),
        name: c.label ? `${c.event} (${c.label})` : c.event,
      })),
    ),
  );

  it.each(rows)("$name by $role in a $mode channel → $verdict", async ({ c, mode, role, verdict }) => {
    const cast = await castFor(mode);
    const before = cast.t.store.snapshot();
    const outcome = await cast.t.run(cast.as[role], c.event, c.payload(cast));
    expect(codeOf(outcome)).toBe(verdict);
    if (verdict !== "ok") {
      expect(outcome.effects).toEqual([]);
      expect(cast.t.store.snapshot()).toEqual(before);
    }
  });
});
