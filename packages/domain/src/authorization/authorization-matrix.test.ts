import { clientEventNames } from "@canaduck/contract";
import { describe, expect, it } from "vitest";
import type { ChannelAccess } from "../access";
import { commands } from "../command-table";
import { codeOf } from "../testing";
import { castFor, modes, roles } from "./cast";
import { cases, verdictFor } from "./expected-access";

/**
 * Every client event × every role × both channel modes, against the permission table as the
 * dispatcher enforces it: each answer is "ok" or exactly the expected code, and a refusal
 * changes nothing and tells nobody anything. An admin moderating the invite-only #dev from
 * outside it is always audited, since the answer shows what only members see.
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

  /** The access a command asks for with this payload, when it is about a channel. */
  const accessOf = (event: (typeof cases)[number]["event"], payload: never): ChannelAccess | null => {
    const def = commands[event];
    if (def.scope !== "channel") return null;
    return typeof def.access === "function" ? def.access(payload) : def.access;
  };

  it.each(rows)("$name by $role in a $mode channel → $verdict", async ({ c, mode, role, verdict }) => {
    const cast = await castFor(mode);
    const before = cast.t.store.snapshot();
    const payload = c.payload(cast);
    const outcome = await cast.t.run(cast.as[role], c.event, payload);
    expect(codeOf(outcome)).toBe(verdict);
    if (
      verdict === "ok" &&
      role === "admin" &&
      mode === "inviteOnly" &&
      accessOf(c.event, payload as never) === "operator"
    )
      expect(cast.t.store.snapshot().audit.length).toBe(before.audit.length + 1);
    if (verdict !== "ok") {
      expect(outcome.effects).toEqual([]);
      expect(cast.t.store.snapshot()).toEqual(before);
    }
  });
});
