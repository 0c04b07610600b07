import { describe, expect, it } from "vitest";
import { parseInput } from "./parse-input";

const sent = (text: string) => {
  const parsed = parseInput(text, { currentTarget: "#dev" });
  if (!parsed.ok || parsed.command.kind !== "event")
    throw new Error(`${text} did not parse: ${JSON.stringify(parsed)}`);
  return { event: parsed.command.event, payload: parsed.command.payload };
};
const refused = (text: string) => {
  const parsed = parseInput(text, { currentTarget: "#dev" });
  return parsed.ok ? "parsed" : parsed.error.code;
};

describe("/token", () => {
  it("creates a token with the scopes named, read and write when none are, for a bot with bot:nick", () => {
    expect(sent("/token create ci")).toEqual({
      event: "token:create",
      payload: { name: "ci", scopes: ["read", "write"] },
    });
    expect(sent("/token create ci READ read moderate")).toEqual({
      event: "token:create",
      payload: { name: "ci", scopes: ["read", "moderate"] },
    });
    expect(sent("/token create run read write bot:dicebot")).toEqual({
      event: "token:create",
      payload: { name: "run", scopes: ["read", "write"], bot: "dicebot" },
    });
  });

  it("lists your tokens or a bot's, and revokes one by name or id", () => {
    expect(sent("/token list")).toEqual({ event: "token:list", payload: {} });
    expect(sent("/token list bot:dicebot")).toEqual({ event: "token:list", payload: { bot: "dicebot" } });
    expect(sent("/token revoke ci")).toEqual({ event: "token:revoke", payload: { tokenId: "ci" } });
    expect(sent("/Token REVOKE 3b9f7c1e")).toEqual({ event: "token:revoke", payload: { tokenId: "3b9f7c1e" } });
  });

  it("says what is wrong: a scope that is not one, a missing name, a subcommand that does not exist", () => {
    const scope = parseInput("/token create ci everything");
    expect(scope).toMatchObject({ ok: false, error: { code: "INVALID_ARGUMENT" } });
    expect(scope.ok ? "" : scope.error.message).toContain("read, write, moderate, admin");
    expect(refused("/token create")).toBe("MISSING_ARGUMENT");
    expect(refused("/token revoke")).toBe("MISSING_ARGUMENT");
    expect(refused("/token revoke a b")).toBe("TOO_MANY_ARGUMENTS");
    expect(refused("/token list write")).toBe("INVALID_ARGUMENT");
    expect(refused("/token delete ci")).toBe("INVALID_ARGUMENT");
    expect(refused("/token")).toBe("MISSING_ARGUMENT");
    expect(refused("/token create ci bot:not-a-nick!")).toBe("INVALID_ARGUMENT");
  });
});

describe("/bot", () => {
  it("creates and lists bots", () => {
    expect(sent("/bot create dicebot")).toEqual({ event: "bot:create", payload: { name: "dicebot" } });
    expect(sent("/bot list")).toEqual({ event: "bot:list", payload: {} });
    expect(refused("/bot create")).toBe("MISSING_ARGUMENT");
    expect(refused("/bot list all")).toBe("TOO_MANY_ARGUMENTS");
    expect(refused("/bot remove dicebot")).toBe("INVALID_ARGUMENT");
  });
});
