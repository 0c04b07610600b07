import { describe, expect, it } from "vitest";
import { anonymous } from "../actor";
import { codeOf, createTestDomain, expectOk } from "../testing";

describe("server:help", () => {
  it("lists every command's usage", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    const { lines } = await t.runOk(alice, "server:help", {});
    for (const usage of ["/join #chan", "/msg #chan|nick text", "/kick nick", "/ban nick", "/help [command]"]) {
      expect(lines.some((line) => line.startsWith(usage))).toBe(true);
    }
  });

  it("lists the admins' commands to admins only, and explains each by name to anyone", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    const root = await t.registerAdmin("root");
    const listed = async (actor: typeof alice) =>
      (await t.runOk(actor, "server:help", {})).lines.filter((l) => /^\/(alert|log|suspend|unsuspend)\b/.test(l));
    expect(await listed(alice)).toEqual([]);
    expect(await listed(root)).toHaveLength(4);
    expect((await t.runOk(alice, "server:help", { command: "alert" })).lines[0]).toMatch(/^\/alert text/);
  });

  it("shows one command's usage, by name or /name", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    const kick = expectOk(await t.run(alice, "server:help", { command: "kick" })).lines;
    expect(kick[0]).toMatch(/^\/kick nick/);
    expect(kick.some((line) => line.startsWith("/join"))).toBe(false);
    expect(expectOk(await t.run(alice, "server:help", { command: "/kick" })).lines).toEqual(kick);
  });

  it("refuses a command that does not exist", async () => {
    const t = createTestDomain();
    const alice = await t.registerUser("alice");
    const outcome = await t.run(alice, "server:help", { command: "frobnicate" });
    expect(codeOf(outcome)).toBe("UNKNOWN_COMMAND");
    expect(outcome.ack.ok ? "" : outcome.ack.error.message).toContain(" /frobnicate;");
    const slashed = await t.run(alice, "server:help", { command: "/frobnicate" });
    expect(slashed.ack).toEqual(outcome.ack);
  });

  it("needs a logged-in actor", async () => {
    const t = createTestDomain();
    expect(codeOf(await t.run(anonymous, "server:help", {}))).toBe("NOT_AUTHENTICATED");
  });
});
