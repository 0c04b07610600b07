import { describe, expect, it } from "vitest";
import { helpLines } from "./help";
import { parseInput } from "./parse-input";

describe("/suspend and /unsuspend", () => {
  it("suspend a nick, with or without a reason, and lift it", () => {
    expect(parseInput("/suspend mallory", {})).toMatchObject({
      ok: true,
      command: { name: "suspend", event: "user:suspend", payload: { nick: "mallory" } },
    });
    expect(parseInput("/suspend mallory spamming every channel", {})).toMatchObject({
      ok: true,
      command: { event: "user:suspend", payload: { nick: "mallory", reason: "spamming every channel" } },
    });
    expect(parseInput("/unsuspend mallory", {})).toMatchObject({
      ok: true,
      command: { name: "unsuspend", event: "user:unsuspend", payload: { nick: "mallory" } },
    });
  });

  it("want the nick, and /unsuspend nothing more", () => {
    expect(parseInput("/suspend", {})).toMatchObject({ ok: false, error: { code: "MISSING_ARGUMENT" } });
    expect(parseInput("/unsuspend", {})).toMatchObject({ ok: false, error: { code: "MISSING_ARGUMENT" } });
    expect(parseInput("/unsuspend a b", {})).toMatchObject({ ok: false, error: { code: "TOO_MANY_ARGUMENTS" } });
    expect(parseInput("/suspend not!a!nick", {})).toMatchObject({ ok: false, error: { code: "INVALID_ARGUMENT" } });
  });

  it("are in /help", () => {
    expect(helpLines("suspend")?.join("\n")).toContain("/suspend nick [reason]");
    expect(helpLines()?.join("\n")).toContain("/unsuspend nick");
  });
});
