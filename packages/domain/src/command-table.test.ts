import { clientEventNames, type ClientEventName } from "@canaduck/contract";
import { describe, expect, it } from "vitest";
import { userCommand, type RateBudget } from "./command";
import { commands } from "./command-table";

const budgets: readonly RateBudget[] = [
  "send",
  "join",
  "mark",
  "search",
  "login",
  "register",
  "read",
  "typing",
  "command",
];

/** Reading the audit log moderates nothing; every other command an operator or admin runs leaves an entry. */
const moderatingButUnaudited: readonly ClientEventName[] = ["audit:log"];

/** Commands that write nothing and are sent often enough that a transaction each would queue behind writers. */
const outsideTransactions: readonly ClientEventName[] = [
  "bot:list",
  "channel:list",
  "channel:who",
  "search:query",
  "server:help",
  "session:list",
  "session:state",
  "token:list",
  "typing:set",
  "user:whois",
  "webhook:deliveries",
  "webhook:list",
];

describe("the command table", () => {
  it("has a definition for every client event", () => {
    expect(Object.keys(commands).sort()).toEqual([...clientEventNames].sort());
  });

  it("declares a rate policy for every command, naming only budgets the server meters", () => {
    for (const event of clientEventNames) {
      const { rate } = commands[event];
      if (rate === "unlimited") continue;
      expect(rate.spends.length, `${event} spends no budget; say "unlimited" instead`).toBeGreaterThan(0);
      for (const budget of rate.spends) expect(budgets, event).toContain(budget);
      expect(["calls", "failures"], event).toContain(rate.counts);
    }
  });

  it("meters every command: none is free to flood", () => {
    for (const event of clientEventNames) expect(commands[event].rate, event).not.toBe("unlimited");
    expect(commands["auth:login"].rate).toEqual({ spends: ["login"], counts: "failures" });
  });

  it("meters reads, typing and every other command on budgets of their own", () => {
    const spending = (budget: RateBudget) =>
      clientEventNames.filter((event) => {
        const { rate } = commands[event];
        return rate !== "unlimited" && rate.spends.includes(budget);
      });
    // Reads are also weighed by the bytes of their answers (the server's abuse guard).
    expect(spending("read").sort()).toEqual([
      "audit:log",
      "bot:list",
      "channel:bans",
      "channel:list",
      "channel:who",
      "history:read",
      "server:help",
      "session:list",
      "session:state",
      "token:list",
      "user:whois",
      "webhook:deliveries",
      "webhook:list",
    ]);
    expect(spending("typing")).toEqual(["typing:set"]);
    expect(spending("command")).toContain("channel:kick");
    expect(spending("command")).toContain("auth:logout");
  });

  it("meters every change to a line, and every command that writes lines, as a send", () => {
    const send = { spends: ["send"], counts: "calls" };
    for (const event of [
      "message:edit",
      "message:delete",
      "message:react",
      "message:unreact",
      "session:quit",
      "user:nick",
    ] as const) {
      expect(commands[event].rate, event).toEqual(send);
    }
    // Reading must never use up what a user may say: markers have a budget of their own.
    expect(commands["read:mark"].rate).toEqual({ spends: ["mark"], counts: "calls" });
    // Searching as one types sends a query a keystroke: it has its own budget too.
    expect(commands["search:query"].rate).toEqual({ spends: ["search"], counts: "calls" });
    // A reconnect reads every conversation: it costs what a join does.
    expect(commands["session:sync"].rate).toEqual({ spends: ["join"], counts: "calls" });
  });

  it("audits every command that needs an operator or an admin", () => {
    for (const event of clientEventNames) {
      const def = commands[event];
      // Payload-dependent access (a topic read or set) may need an operator.
      const moderates = typeof def.access === "function" || ["operator", "owner", "admin"].includes(def.access);
      if (!moderates || moderatingButUnaudited.includes(event)) continue;
      expect(def.audit, `${event} moderates but declares audit: "none"`).not.toBe("none");
    }
  });

  it("runs only commands that write nothing outside a transaction", () => {
    const none = clientEventNames.filter((event) => commands[event].transaction === "none");
    expect(none.sort()).toEqual([...outsideTransactions]);
    for (const event of none) expect(commands[event].audit, event).toBe("none");
  });

  it("will not compile a command that leaves a policy out", () => {
    // @ts-expect-error -- `rate` is required: a new command says what it costs, even if "unlimited".
    userCommand<"server:help">({
      access: "user",
      transaction: "none",
      audit: "none",
      run: () => Promise.resolve({ lines: [] }),
    });
    // @ts-expect-error -- `audit` is required too.
    userCommand<"server:help">({
      access: "user",
      rate: "unlimited",
      transaction: "none",
      run: () => Promise.resolve({ lines: [] }),
    });
    // @ts-expect-error -- and `transaction`.
    userCommand<"server:help">({
      access: "user",
      rate: "unlimited",
      audit: "none",
      run: () => Promise.resolve({ lines: [] }),
    });
  });
});
