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
