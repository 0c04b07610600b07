import { describe, expect, it } from "vitest";
import { parseInput } from "./parse-input";

describe("/sessions and /revoke", () => {
  it("list your sessions and log one out by its id", () => {
    expect(parseInput("/sessions", {})).toMatchObject({
      ok: true,
      command: { name: "sessions", event: "session:list", payload: {} },
    });
    expect(parseInput("/revoke 3b9f7c1e", {})).toMatchObject({
      ok: true,
      command: { name: "revoke", event: "session:revoke", payload: { sessionId: "3b9f7c1e" } },
    });
  });

  it("want exactly the id", () => {
    expect(parseInput("/revoke", {})).toMatchObject({ ok: false, error: { code: "MISSING_ARGUMENT" } });
    expect(parseInput("/revoke a b", {})).toMatchObject({ ok: false, error: { code: "TOO_MANY_ARGUMENTS" } });
    expect(parseInput("/sessions all", {})).toMatchObject({ ok: false, error: { code: "TOO_MANY_ARGUMENTS" } });
  });
});
