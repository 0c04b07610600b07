import { describe, expect, it } from "vitest";
import { parseInput } from "./parse-input";
import type { ParseContext, ParseResult } from "./parsed-command";

const inDev: ParseContext = { currentTarget: "#dev" };
const inDirect: ParseContext = { currentTarget: "bob" };
const nowhere: ParseContext = {};

const command = (result: ParseResult) => {
  if (!result.ok) throw new Error(`expected a command, got ${result.error.code}: ${result.error.message}`);
  return result.command;
};
const error = (result: ParseResult) => {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.command)}`);
  return result.error;
};

describe("parseInput: plain text", () => {
  it("sends text to the current channel", () => {
    expect(command(parseInput("hello there", inDev))).toEqual({
      kind: "event",
      name: "msg",
      event: "message:send",
      payload: { target: "#dev", text: "hello there" },
    });
  });

  it("sends text to the peer of a direct conversation", () => {
    expect(command(parseInput("hi", inDirect))).toMatchObject({ payload: { target: "bob", text: "hi" } });
  });

  it("keeps the text verbatim, spaces included", () => {
    expect(command(parseInput("  two  spaces ", inDev))).toMatchObject({ payload: { text: "  two  spaces " } });
  });

  it("sends //text as /text", () => {
    expect(command(parseInput("//shrug it off", inDev))).toMatchObject({
      event: "message:send",
      payload: { target: "#dev", text: "/shrug it off" },
    });
  });

  it("refuses text when nothing is open", () => {
    const { code, message } = error(parseInput("hello", nowhere));
    expect(code).toBe("NO_TARGET");
    expect(message).toContain("/msg #chan|nick text");
  });

  it("refuses blank text", () => {
    expect(error(parseInput("   ", inDev)).code).toBe("INVALID_ARGUMENT");
  });
});

describe("parseInput: commands that map to client events", () => {
  const cases: [input: string, context: ParseContext, expected: object][] = [
    ["/nick duckling", nowhere, { name: "nick", event: "user:nick", payload: { nick: "duckling" } }],
    ["/join #dev", nowhere, { name: "join", event: "channel:join", payload: { channel: "#dev" } }],
    ["/j #dev", nowhere, { name: "join", event: "channel:join", payload: { channel: "#dev" } }],
    ["/JOIN #dev", nowhere, { name: "join", event: "channel:join", payload: { channel: "#dev" } }],
    ["/part", inDev, { name: "part", event: "channel:part", payload: { channel: "#dev" } }],
    ["/part #ops", inDev, { name: "part", event: "channel:part", payload: { channel: "#ops" } }],
    [
      "/part #ops  off  to lunch",
      inDev,
      { event: "channel:part", payload: { channel: "#ops", reason: "off  to lunch" } },
    ],
    ["/part off to lunch", inDev, { event: "channel:part", payload: { channel: "#dev", reason: "off to lunch" } }],
    [
      "/msg #ops the build is green",
      nowhere,
      { name: "msg", event: "message:send", payload: { target: "#ops", text: "the build is green" } },
    ],
    ["/msg alice  psst", inDev, { name: "msg", event: "message:send", payload: { target: "alice", text: "psst" } }],
    [
      "/me waves",
      inDev,
      { name: "me", event: "message:send", payload: { target: "#dev", text: "waves", action: true } },
    ],
    ["/me waves  back", inDirect, { name: "me", payload: { target: "bob", text: "waves  back", action: true } }],
    ["/topic", inDev, { name: "topic", event: "channel:topic", payload: { channel: "#dev" } }],
    ["/topic #ops", inDev, { name: "topic", event: "channel:topic", payload: { channel: "#ops" } }],
    [
      "/topic #ops Release day: 2.0",
      inDev,
      { event: "channel:topic", payload: { channel: "#ops", topic: "Release day: 2.0" } },
    ],
    ["/topic Release day", inDev, { event: "channel:topic", payload: { channel: "#dev", topic: "Release day" } }],
    ["/mode #dev +i", nowhere, { name: "mode", event: "channel:mode", payload: { channel: "#dev", inviteOnly: true } }],
    [
      "/mode #dev -i",
      nowhere,
      { name: "mode", event: "channel:mode", payload: { channel: "#dev", inviteOnly: false } },
    ],
    // Inside a channel, the channel may be left out as for /kick or /topic.
    ["/mode +i", inDev, { name: "mode", event: "channel:mode", payload: { channel: "#dev", inviteOnly: true } }],
    ["/mode -i", inDev, { name: "mode", event: "channel:mode", payload: { channel: "#dev", inviteOnly: false } }],
    ["/mode -previews", inDev, { name: "mode", event: "channel:mode", payload: { channel: "#dev", previews: false } }],
    [
      "/mode #dev +previews",
      nowhere,
      { name: "mode", event: "channel:mode", payload: { channel: "#dev", previews: true } },
    ],
    ["/invite carol", inDev, { name: "invite", event: "channel:invite", payload: { channel: "#dev", nick: "carol" } }],
    [
      "/invite carol #ops",
      inDev,
      { name: "invite", event: "channel:invite", payload: { channel: "#ops", nick: "carol" } },
    ],
    ["/kick bob", inDev, { name: "kick", event: "channel:kick", payload: { channel: "#dev", nick: "bob" } }],
    [
      "/kick bob #dev spamming hard",
      nowhere,
      { name: "kick", event: "channel:kick", payload: { channel: "#dev", nick: "bob", reason: "spamming hard" } },
    ],
    [
      "/kick bob spamming",
      inDev,
      { event: "channel:kick", payload: { channel: "#dev", nick: "bob", reason: "spamming" } },
    ],
    ["/ban bob", inDev, { name: "ban", event: "channel:ban", payload: { channel: "#dev", nick: "bob" } }],
    [
      "/ban bob #dev 10m flooding",
      nowhere,
      { event: "channel:ban", payload: { channel: "#dev", nick: "bob", durationSeconds: 600, reason: "flooding" } },
    ],
    ["/ban bob 2h", inDev, { event: "channel:ban", payload: { channel: "#dev", nick: "bob", durationSeconds: 7200 } }],
    [
      "/ban bob #ops flooding the channel",
      inDev,
      { event: "channel:ban", payload: { channel: "#ops", nick: "bob", reason: "flooding the channel" } },
    ],
    ["/unban bob", inDev, { name: "unban", event: "channel:unban", payload: { channel: "#dev", nick: "bob" } }],
    ["/unban bob #ops", inDev, { name: "unban", event: "channel:unban", payload: { channel: "#ops", nick: "bob" } }],
    ["/op carol", inDev, { name: "op", event: "channel:op", payload: { channel: "#dev", nick: "carol" } }],
    ["/op carol #ops", nowhere, { name: "op", event: "channel:op", payload: { channel: "#ops", nick: "carol" } }],
    ["/deop carol", inDev, { name: "deop", event: "channel:deop", payload: { channel: "#dev", nick: "carol" } }],
    ["/deop carol #ops", nowhere, { name: "deop", event: "channel:deop", payload: { channel: "#ops", nick: "carol" } }],
    ["/list", nowhere, { name: "list", event: "channel:list", payload: {} }],
    ["/who", inDev, { name: "who", event: "channel:who", payload: { channel: "#dev" } }],
    ["/who #ops", nowhere, { name: "who", event: "channel:who", payload: { channel: "#ops" } }],
    ["/read", inDev, { name: "read", event: "history:read", payload: { target: "#dev" } }],
    ["/read", inDirect, { name: "read", event: "history:read", payload: { target: "bob" } }],
    ["/read 20", inDev, { name: "read", event: "history:read", payload: { target: "#dev", limit: 20 } }],
    ["/read #ops", inDev, { name: "read", event: "history:read", payload: { target: "#ops" } }],
    ["/read alice 100", nowhere, { name: "read", event: "history:read", payload: { target: "alice", limit: 100 } }],
    ["/log", nowhere, { name: "log", event: "audit:log", payload: {} }],
    ["/log 25", nowhere, { name: "log", event: "audit:log", payload: { limit: 25 } }],
    [
      "/alert Restart in 5 minutes!",
      nowhere,
      { name: "alert", event: "server:alert", payload: { text: "Restart in 5 minutes!" } },
    ],
    ["/quit", inDev, { name: "quit", event: "session:quit", payload: {} }],
    ["/quit gone  fishing", inDev, { name: "quit", event: "session:quit", payload: { message: "gone  fishing" } }],
    ["/whois Bob", inDev, { name: "whois", event: "user:whois", payload: { nick: "Bob" } }],
    ["/away", inDev, { name: "away", event: "user:away", payload: {} }],
    ["/away at  lunch", inDev, { name: "away", event: "user:away", payload: { message: "at  lunch" } }],
    ["/ignore bob", inDev, { name: "ignore", event: "user:ignore", payload: { nick: "bob" } }],
    ["/unignore bob", inDev, { name: "unignore", event: "user:unignore", payload: { nick: "bob" } }],
    ["/names", inDev, { name: "names", event: "channel:who", payload: { channel: "#dev" } }],
    ["/names #ops", inDev, { name: "names", event: "channel:who", payload: { channel: "#ops" } }],
    ["/logout", inDev, { name: "logout", event: "auth:logout", payload: {} }],
  ];

  it.each(cases)("%s", (input, context, expected) => {
    const parsed = command(parseInput(input, context));
    expect(parsed).toMatchObject({ kind: "event", ...expected });
    if ("payload" in parsed && "payload" in expected) expect(parsed.payload).toEqual(expected.payload);
  });
});

describe("parseInput: commands the client handles itself", () => {
  it("/help lists every command, or names one", () => {
    expect(command(parseInput("/help", inDev))).toEqual({ kind: "local", name: "help" });
    expect(command(parseInput("/help kick", inDev))).toEqual({ kind: "local", name: "help", command: "kick" });
    expect(command(parseInput("/help /j", inDev))).toEqual({ kind: "local", name: "help", command: "join" });
  });

  it("/query opens a direct conversation", () => {
    expect(command(parseInput("/query alice", inDev))).toEqual({ kind: "local", name: "query", nick: "alice" });
  });
});

describe("parseInput: ban durations", () => {
  it.each([
    ["45s", 45],
    ["10m", 600],
    ["2h", 7200],
    ["3d", 259_200],
    ["1w", 604_800],
    ["90", 90],
    ["2H", 7200],
    ["365d", 31_536_000],
  ])("%s is %i seconds", (duration, seconds) => {
    expect(command(parseInput(`/ban bob #dev ${duration} flooding`, nowhere))).toMatchObject({
      payload: { durationSeconds: seconds, reason: "flooding" },
    });
  });

  it.each(["0", "0m", "366d", "53w"])("refuses %s", (duration) => {
    const { code, message } = error(parseInput(`/ban bob #dev ${duration}`, nowhere));
    expect(code).toBe("INVALID_ARGUMENT");
    expect(message).toContain(`"${duration}"`);
    expect(message).toContain("/ban nick [#chan] [duration] [reason]");
  });

  it("reads a word that is not a duration as the start of the reason", () => {
    expect(command(parseInput("/ban bob #dev 10 minutes of shame", nowhere))).toMatchObject({
      payload: { durationSeconds: 10, reason: "minutes of shame" },
    });
    expect(command(parseInput("/ban bob #dev ten minutes", nowhere))).toEqual({
      kind: "event",
      name: "ban",
      event: "channel:ban",
      payload: { channel: "#dev", nick: "bob", reason: "ten minutes" },
    });
  });
});

describe("parseInput: errors", () => {
  const cases: [input: string, context: ParseContext, code: string, usage: string][] = [
    ["/frobnicate", inDev, "UNKNOWN_COMMAND", "/help"],
    ["/", inDev, "UNKNOWN_COMMAND", "/help"],
    ["/ hello", inDev, "UNKNOWN_COMMAND", "/help"],
    ["/help frobnicate", inDev, "UNKNOWN_COMMAND", "/help"],
    ["/nick", inDev, "MISSING_ARGUMENT", "/nick new"],
    ["/join", inDev, "MISSING_ARGUMENT", "/join #chan"],
    ["/msg", inDev, "MISSING_ARGUMENT", "/msg #chan|nick text"],
    ["/msg bob", inDev, "MISSING_ARGUMENT", "/msg #chan|nick text"],
    ["/msg bob   ", inDev, "MISSING_ARGUMENT", "/msg #chan|nick text"],
    ["/me", inDev, "MISSING_ARGUMENT", "/me action"],
    ["/mode #dev", inDev, "MISSING_ARGUMENT", "/mode [#chan] +i|-i|+previews|-previews"],
    ["/mode", inDev, "MISSING_ARGUMENT", "/mode [#chan] +i|-i|+previews|-previews"],
    ["/mode +x", inDev, "INVALID_ARGUMENT", "/mode [#chan] +i|-i|+previews|-previews"],
    ["/mode +i", nowhere, "NO_TARGET", "/mode [#chan] +i|-i|+previews|-previews"],
    ["/mode +i", inDirect, "NO_TARGET", "/mode [#chan] +i|-i|+previews|-previews"],
    ["/invite", inDev, "MISSING_ARGUMENT", "/invite nick [#chan]"],
    ["/kick", inDev, "MISSING_ARGUMENT", "/kick nick [#chan] [reason]"],
    ["/ban", inDev, "MISSING_ARGUMENT", "/ban nick [#chan] [duration] [reason]"],
    ["/unban", inDev, "MISSING_ARGUMENT", "/unban nick [#chan]"],
    ["/op", inDev, "MISSING_ARGUMENT", "/op nick [#chan]"],
    ["/deop", inDev, "MISSING_ARGUMENT", "/deop nick [#chan]"],
    ["/alert", inDev, "MISSING_ARGUMENT", "/alert text"],
    ["/query", inDev, "MISSING_ARGUMENT", "/query nick"],
    ["/nick a b", inDev, "TOO_MANY_ARGUMENTS", "/nick new"],
    ["/join #a #b", inDev, "TOO_MANY_ARGUMENTS", "/join #chan"],
    ["/mode #dev +i now", inDev, "TOO_MANY_ARGUMENTS", "/mode [#chan] +i|-i|+previews|-previews"],
    ["/invite bob #dev now", inDev, "TOO_MANY_ARGUMENTS", "/invite nick [#chan]"],
    ["/unban bob #dev now", inDev, "TOO_MANY_ARGUMENTS", "/unban nick [#chan]"],
    ["/op bob #dev now", inDev, "TOO_MANY_ARGUMENTS", "/op nick [#chan]"],
    ["/deop bob #dev now", inDev, "TOO_MANY_ARGUMENTS", "/deop nick [#chan]"],
    ["/list all", inDev, "TOO_MANY_ARGUMENTS", "/list"],
    ["/who #a #b", inDev, "TOO_MANY_ARGUMENTS", "/who [#chan]"],
    ["/read #dev 10 20", inDev, "TOO_MANY_ARGUMENTS", "/read [#chan|nick] [count]"],
    ["/log 10 20", inDev, "TOO_MANY_ARGUMENTS", "/log [count]"],
    ["/query a b", inDev, "TOO_MANY_ARGUMENTS", "/query nick"],
    ["/logout now", inDev, "TOO_MANY_ARGUMENTS", "/logout"],
    ["/help kick ban", inDev, "TOO_MANY_ARGUMENTS", "/help [command]"],
    ["/join dev", inDev, "INVALID_ARGUMENT", "/join #chan"],
    ["/join #no.dots", inDev, "INVALID_ARGUMENT", "/join #chan"],
    ["/nick 9lives", inDev, "INVALID_ARGUMENT", "/nick new"],
    ["/msg 9lives hi", inDev, "INVALID_ARGUMENT", "/msg #chan|nick text"],
    ["/mode #dev +x", inDev, "INVALID_ARGUMENT", "/mode [#chan] +i|-i|+previews|-previews"],
    ["/mode dev +i", inDev, "INVALID_ARGUMENT", "/mode [#chan] +i|-i|+previews|-previews"],
    ["/invite bob dev", inDev, "INVALID_ARGUMENT", "/invite nick [#chan]"],
    ["/kick #dev", inDev, "INVALID_ARGUMENT", "/kick nick [#chan] [reason]"],
    ["/who dev", inDev, "INVALID_ARGUMENT", "/who [#chan]"],
    ["/read #dev lots", inDev, "INVALID_ARGUMENT", "/read [#chan|nick] [count]"],
    ["/read 0", inDev, "INVALID_ARGUMENT", "/read [#chan|nick] [count]"],
    ["/read #dev 201", inDev, "INVALID_ARGUMENT", "/read [#chan|nick] [count]"],
    ["/log 501", inDev, "INVALID_ARGUMENT", "/log [count]"],
    ["/log -1", inDev, "INVALID_ARGUMENT", "/log [count]"],
    ["/query #dev", inDev, "INVALID_ARGUMENT", "/query nick"],
    [`/kick bob #dev ${"x".repeat(201)}`, inDev, "INVALID_ARGUMENT", "/kick nick [#chan] [reason]"],
    [`/alert ${"x".repeat(501)}`, inDev, "INVALID_ARGUMENT", "/alert text"],
    ["/part", inDirect, "NO_TARGET", "/part [#chan] [reason]"],
    ["/part", nowhere, "NO_TARGET", "/part [#chan] [reason]"],
    ["/topic", nowhere, "NO_TARGET", "/topic [#chan] [text]"],
    ["/invite carol", inDirect, "NO_TARGET", "/invite nick [#chan]"],
    ["/kick bob", nowhere, "NO_TARGET", "/kick nick [#chan] [reason]"],
    ["/ban bob 10m", inDirect, "NO_TARGET", "/ban nick [#chan] [duration] [reason]"],
    ["/unban bob", nowhere, "NO_TARGET", "/unban nick [#chan]"],
    ["/op bob", nowhere, "NO_TARGET", "/op nick [#chan]"],
    ["/deop bob", nowhere, "NO_TARGET", "/deop nick [#chan]"],
    ["/who", inDirect, "NO_TARGET", "/who [#chan]"],
    ["/read", nowhere, "NO_TARGET", "/read [#chan|nick] [count]"],
    ["/me waves", nowhere, "NO_TARGET", "/me action"],
  ];

  it.each(cases)("%s gives %s", (input, context, code, usage) => {
    const failure = error(parseInput(input, context));
    expect(failure.code).toBe(code);
    expect(failure.message).toContain(usage);
  });

  it("names the missing word and the bad value in plain words", () => {
    expect(error(parseInput("/kick", inDev)).message).toBe("Missing nick. Usage: /kick nick [#chan] [reason]");
    expect(error(parseInput("/mode #dev", inDev)).message).toBe(
      "Missing +i|-i. Usage: /mode [#chan] +i|-i|+previews|-previews",
    );
    expect(error(parseInput("/join dev", inDev)).message).toBe(
      'Invalid channel "dev": a channel name is # followed by letters, digits, _ or -. Usage: /join #chan',
    );
    expect(error(parseInput("/list all", inDev)).message).toBe(
      "Too many arguments: /list takes no arguments. Usage: /list",
    );
    expect(error(parseInput("/frobnicate", inDev)).message).toBe(
      "There is no /frobnicate command. Type /help to list the commands.",
    );
  });
});

describe("commands about a line", () => {
  it("reads /edit's text verbatim", () => {
    expect(parseInput("/edit  fixed  typo")).toEqual({
      ok: true,
      command: { kind: "local", name: "edit", text: "fixed  typo" },
    });
  });

  it("reads /react's emoji and optional line", () => {
    expect(parseInput("/react 👍🏽 3")).toEqual({
      ok: true,
      command: { kind: "local", name: "react", emoji: "👍🏽", line: 3 },
    });
    expect(parseInput("/react 🎉")).toEqual({ ok: true, command: { kind: "local", name: "react", emoji: "🎉" } });
  });

  it("refuses a reaction that is not one emoji", () => {
    const result = parseInput("/react lol");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/exactly one emoji/);
  });

  it("reads /reply's line and text, and /delete's line", () => {
    expect(parseInput("/reply 2 me too")).toEqual({
      ok: true,
      command: { kind: "local", name: "reply", line: 2, text: "me too" },
    });
    expect(parseInput("/delete")).toEqual({ ok: true, command: { kind: "local", name: "delete" } });
    expect(parseInput("/delete 4")).toEqual({ ok: true, command: { kind: "local", name: "delete", line: 4 } });
    expect(parseInput("/delete x").ok).toBe(false);
  });

  it("reads /goto's optional line, refusing one that is not a count", () => {
    expect(parseInput("/goto")).toEqual({ ok: true, command: { kind: "local", name: "goto" } });
    expect(parseInput("/goto 3")).toEqual({ ok: true, command: { kind: "local", name: "goto", line: 3 } });
    const refused = parseInput("/goto last");
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ code: "INVALID_ARGUMENT" });
    expect(parseInput("/goto 1 2").ok).toBe(false);
  });
});
