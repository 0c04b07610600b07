import { describe, expect, it } from "vitest";
import { parseInput } from "./commands/parse-input";
import { clientEvents } from "./events/client-events";
import { hasUnsafeCharacters, reasonSchema, textSchema } from "./primitives";

const issuesOf = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

describe("text that reaches other people's screens", () => {
  const unsafe = [
    ["an ANSI escape that clears the screen", "hi \u001b[2J\u001b[H you"],
    ["a carriage return that overwrites the line", "safe text\rfake line"],
    ["a bell", "ding\u0007"],
    ["a NUL", "a\u0000b"],
    ["DEL", "x\u007f"],
    ["a C1 control (CSI)", "\u009b31m red"],
    ["a right-to-left override", "invoice\u202Efdp.exe"],
    ["a bidi isolate", "\u2066hidden\u2069"],
  ] as const;

  it.each(unsafe)("refuses %s in messages, topics, reasons, quit messages and alerts", (_what, text) => {
    expect(hasUnsafeCharacters(text)).toBe(true);
    const payloads = [
      clientEvents["message:send"].payload.safeParse({ target: "#dev", text }),
      clientEvents["channel:topic"].payload.safeParse({ channel: "#dev", topic: text }),
      clientEvents["channel:kick"].payload.safeParse({ channel: "#dev", nick: "bob", reason: text }),
      clientEvents["channel:ban"].payload.safeParse({ channel: "#dev", nick: "bob", reason: text }),
      clientEvents["channel:part"].payload.safeParse({ channel: "#dev", reason: text }),
      clientEvents["session:quit"].payload.safeParse({ message: text }),
      clientEvents["server:alert"].payload.safeParse({ text }),
    ];
    for (const result of payloads) {
      expect(result.success).toBe(false);
      expect(issuesOf(result).join()).toContain("control characters and bidirectional overrides are not allowed");
    }
  });

  it("is refused by the shared slash-command parser before it is sent, in plain words", () => {
    const typed = parseInput("/topic #dev \u001b[31mred alert", {});
    expect(typed).toMatchObject({ ok: false, error: { code: "INVALID_ARGUMENT" } });
    expect(typed.ok ? "" : typed.error.message).toContain("control characters");
    expect(parseInput("look \u202Eecnalab", { currentTarget: "#dev" })).toMatchObject({
      ok: false,
      error: { code: "INVALID_ARGUMENT" },
    });
  });

  it("keeps tabs, newlines, emoji, accents, right-to-left scripts and markup as they are", () => {
    for (const text of ["line one\nline two\tindented", "café ☕ 🦆", "שלום עולם", "<img src=x onerror=alert(1)>"]) {
      expect(hasUnsafeCharacters(text)).toBe(false);
      expect(textSchema(4000).parse(text)).toBe(text);
      expect(reasonSchema.parse(text)).toBe(text);
    }
  });

  it("still refuses blank text", () => {
    expect(issuesOf(textSchema(10).safeParse(" \n\t "))).toEqual(["text cannot be blank"]);
  });
});

/** Every free-text field of the contract, each parsed with `text` in it. */
const freeTextFields = (text: string) =>
  [
    ["message:send text", clientEvents["message:send"].payload.safeParse({ target: "#dev", text })],
    ["message:edit text", clientEvents["message:edit"].payload.safeParse({ target: "#dev", seq: 1, text })],
    ["channel:topic topic", clientEvents["channel:topic"].payload.safeParse({ channel: "#dev", topic: text })],
    ["channel:part reason", clientEvents["channel:part"].payload.safeParse({ channel: "#dev", reason: text })],
    [
      "channel:kick reason",
      clientEvents["channel:kick"].payload.safeParse({ channel: "#dev", nick: "bob", reason: text }),
    ],
    [
      "channel:ban reason",
      clientEvents["channel:ban"].payload.safeParse({ channel: "#dev", nick: "bob", reason: text }),
    ],
    ["user:suspend reason", clientEvents["user:suspend"].payload.safeParse({ nick: "bob", reason: text })],
    ["session:quit message", clientEvents["session:quit"].payload.safeParse({ message: text })],
    ["server:alert text", clientEvents["server:alert"].payload.safeParse({ text })],
  ] as const;

describe("lone surrogate halves, which no database can store", () => {
  const broken = [
    ["a high half alone", "a\ud800b"],
    ["a low half alone", "a\udc00b"],
    ["a pair in the wrong order", "\udc00\ud800"],
    ["a high half at the end", "ok \ud83e"],
    ["half of an emoji", "duck \ud83e\udd86".slice(0, -1)],
  ] as const;

  it.each(broken)("refuses %s in every free-text field, saying why", (_what, text) => {
    expect(hasUnsafeCharacters(text)).toBe(true);
    for (const [field, result] of freeTextFields(text)) {
      expect(result.success, field).toBe(false);
      expect(issuesOf(result).join(), field).toContain("a lone surrogate half is not a character");
    }
  });

  it.each(broken)("refuses %s in the other strings the server stores or looks up", (_what, text) => {
    const payloads = [
      clientEvents["auth:register"].payload.safeParse({ name: "alice", password: `password ${text}` }),
      clientEvents["auth:login"].payload.safeParse({ name: text, password: "whatever it is" }),
      clientEvents["session:revoke"].payload.safeParse({ sessionId: text }),
      clientEvents["session:sync"].payload.safeParse({ conversations: [{ channelId: text, after: 0 }] }),
      clientEvents["server:help"].payload.safeParse({ command: text }),
    ];
    for (const result of payloads)
      expect(issuesOf(result).join()).toContain("a lone surrogate half is not a character");
  });

  it("keeps characters outside the first plane, whose two halves come as a pair", () => {
    for (const text of ["🦆🦆", "𝕏 marks", "👩‍💻 at work", "𠜎"]) {
      for (const [field, result] of freeTextFields(text)) expect(result.success, field).toBe(true);
    }
  });
});

/**
 * Characters that draw nothing or reorder what is around them: a name holding one looks like
 * another name (impersonation) or flips the line it is shown in.
 */
const invisible = [
  ["a left-to-right mark (LRM)", "\u200e"],
  ["a right-to-left mark (RLM)", "\u200f"],
  ["an Arabic letter mark (ALM)", "\u061c"],
  ["a zero-width space", "\u200b"],
  ["a zero-width non-joiner", "\u200c"],
  ["a zero-width joiner", "\u200d"],
  ["a word joiner", "\u2060"],
  ["a byte-order mark (zero-width no-break space)", "\ufeff"],
  ["a soft hyphen", "\u00ad"],
  ["a combining grapheme joiner", "\u034f"],
  ["a Hangul filler", "\u3164"],
  ["a Mongolian vowel separator", "\u180e"],
  ["an invisible times", "\u2062"],
  ["a tag character", "\udb40\udc41"],
  ["a variation selector", "\ufe0f"],
  ["a non-breaking space", "\u00a0"],
] as const;

describe("names hold no invisible or direction-changing characters", () => {
  it.each(invisible)("refuses %s in a nick wherever one is given", (_what, mark) => {
    for (const nick of [`bob${mark}`, `b${mark}ob`, `${mark}bob`]) {
      const payloads = [
        clientEvents["auth:register"].payload.safeParse({ name: nick, password: "correct horse battery" }),
        clientEvents["user:nick"].payload.safeParse({ nick }),
        clientEvents["channel:kick"].payload.safeParse({ channel: "#dev", nick }),
        clientEvents["channel:invite"].payload.safeParse({ channel: "#dev", nick }),
        clientEvents["message:send"].payload.safeParse({ target: nick, text: "hi" }),
      ];
      for (const result of payloads) expect(result.success, JSON.stringify(nick)).toBe(false);
    }
    expect(issuesOf(clientEvents["user:nick"].payload.safeParse({ nick: `bob${mark}` })).join()).toContain(
      "holds only letters, digits",
    );
  });

  it.each(invisible)("refuses %s in a channel name wherever one is given", (_what, mark) => {
    for (const channel of [`#dev${mark}`, `#d${mark}ev`, `#${mark}dev`]) {
      const payloads = [
        clientEvents["channel:join"].payload.safeParse({ channel }),
        clientEvents["channel:topic"].payload.safeParse({ channel, topic: "t" }),
        clientEvents["message:send"].payload.safeParse({ target: channel, text: "hi" }),
        clientEvents["history:read"].payload.safeParse({ target: channel }),
      ];
      for (const result of payloads) expect(result.success, JSON.stringify(channel)).toBe(false);
    }
    expect(issuesOf(clientEvents["channel:join"].payload.safeParse({ channel: `#dev${mark}` })).join()).toContain(
      "letters, digits, _ or -",
    );
  });

  it.each(invisible)("keeps %s in free text, where scripts and emoji need them", (_what, mark) => {
    expect(hasUnsafeCharacters(`a${mark}b`)).toBe(false);
    for (const [field, result] of freeTextFields(`a${mark}b`)) expect(result.success, field).toBe(true);
  });

  it("keeps the noncharacters U+FFFE and U+FFFF in free text: they are valid code points a database stores", () => {
    for (const [field, result] of freeTextFields("a\ufffeb\uffff")) expect(result.success, field).toBe(true);
  });
});

describe("values the databases cannot hold are refused before they reach one", () => {
  it("refuses a NUL in ids, a login's name and a command's name (PostgreSQL text holds none)", () => {
    const payloads = [
      clientEvents["auth:login"].payload.safeParse({ name: "al\u0000ice", password: "whatever it is" }),
      clientEvents["session:revoke"].payload.safeParse({ sessionId: "nul\u0000inside" }),
      clientEvents["session:sync"].payload.safeParse({ conversations: [{ channelId: "\u0000", after: 0 }] }),
      clientEvents["server:help"].payload.safeParse({ command: "join\u0000" }),
    ];
    for (const result of payloads) expect(issuesOf(result).join()).toContain("a NUL character is not allowed");
  });

  it("refuses a seq past 2^31 - 1, the largest a database column holds, wherever a seq is given", () => {
    const seq = 2 ** 31;
    const payloads = [
      clientEvents["message:react"].payload.safeParse({ target: "#dev", seq, emoji: "🦆" }),
      clientEvents["message:delete"].payload.safeParse({ target: "#dev", seq }),
      clientEvents["read:mark"].payload.safeParse({ target: "#dev", seq }),
      clientEvents["history:read"].payload.safeParse({ target: "#dev", before: seq }),
      clientEvents["session:sync"].payload.safeParse({ conversations: [{ channelId: "c", after: seq }] }),
      clientEvents["message:send"].payload.safeParse({ target: "#dev", text: "hi", replyTo: seq }),
    ];
    for (const result of payloads) expect(issuesOf(result).join()).toContain(`a seq is at most ${seq - 1}`);
    expect(clientEvents["read:mark"].payload.safeParse({ target: "#dev", seq: seq - 1 }).success).toBe(true);
  });
});
