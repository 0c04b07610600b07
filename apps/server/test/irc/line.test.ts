import { describe, expect, it } from "vitest";
import {
  LineSplitter,
  MAX_BODY_BYTES,
  MAX_TAG_BYTES,
  SerializeError,
  parseLine,
  serialize,
  truncateUtf8,
} from "../../src/irc/line";
import { PARSE_ERROR_REPLY } from "../../src/irc/numerics";

const parse = (text: string) => parseLine(Buffer.from(text));

describe("parseLine", () => {
  it("reads tags, source, command and a trailing parameter with spaces", () => {
    const result = parse("@label=a1;+draft/reply=m\\s1;flag :nick!u@h privmsg #room :hello there");
    expect(result).toEqual({
      ok: true,
      message: {
        tags: { label: "a1", "+draft/reply": "m 1", flag: true },
        source: "nick!u@h",
        command: "PRIVMSG",
        params: ["#room", "hello there"],
      },
    });
  });

  it("unescapes every IRCv3 tag escape and keeps an empty trailing parameter", () => {
    const result = parse("@k=a\\:b\\\\c\\rd\\ne\\ TAGMSG :");
    expect(result.ok && result.message.tags.k).toBe("a;b\\c\rd\ne");
    expect(result.ok && result.message.params).toEqual([""]);
  });

  it("refuses a body over 512 bytes, counting the CR LF", () => {
    const fits = "PRIVMSG #a :" + "x".repeat(MAX_BODY_BYTES - 2 - 12);
    expect(parse(fits).ok).toBe(true);
    expect(parse(fits + "x")).toEqual({ ok: false, error: "line-too-long" });
  });

  it("allows tags up to 8,191 bytes on top of the body, and refuses more", () => {
    const tags = (n: number) => "@k=" + "v".repeat(n - 4) + " ";
    expect(parse(tags(MAX_TAG_BYTES) + "PING x").ok).toBe(true);
    expect(parse(tags(MAX_TAG_BYTES + 1) + "PING x")).toEqual({ ok: false, error: "tags-too-long" });
  });

  it("refuses invalid UTF-8 instead of storing replacement characters", () => {
    const bytes = Buffer.concat([Buffer.from("PRIVMSG #a :caf"), Buffer.from([0xc3, 0x28])]);
    expect(parseLine(bytes)).toEqual({ ok: false, error: "invalid-utf8" });
  });

  it("refuses a CR or NUL smuggled inside a line", () => {
    expect(parse("PRIVMSG #a :hi\rQUIT")).toEqual({ ok: false, error: "forbidden-character" });
    expect(parse("PRIVMSG #a :hi\0")).toEqual({ ok: false, error: "forbidden-character" });
  });

  it("tells an empty line from a line with tags but no command", () => {
    expect(parse("   ")).toEqual({ ok: false, error: "empty" });
    expect(parse("@a=b ")).toEqual({ ok: false, error: "no-command" });
    expect(parse(":source")).toEqual({ ok: false, error: "no-command" });
  });

  it("has a reply for every error a client can cause", () => {
    for (const error of ["line-too-long", "tags-too-long", "invalid-utf8", "forbidden-character", "no-command"]) {
      expect(PARSE_ERROR_REPLY[error as keyof typeof PARSE_ERROR_REPLY].numeric).toMatch(/^\d{3}$/);
    }
  });
});

describe("serialize", () => {
  it("writes tags escaped, a colon only where needed, and CR LF", () => {
    const line = serialize({
      tags: { time: "2026-01-01T00:00:00.000Z", msgid: "a b;c", bot: true },
      source: "srv",
      command: "PRIVMSG",
      params: ["#room", "hi there"],
    });
    expect(line).toBe("@time=2026-01-01T00:00:00.000Z;msgid=a\\sb\\:c;bot :srv PRIVMSG #room :hi there\r\n");
    expect(serialize({ tags: {}, command: "PING", params: ["token"] })).toBe("PING token\r\n");
    expect(serialize({ tags: {}, command: "X", params: [":starts"] })).toBe("X ::starts\r\n");
  });

  it("round-trips through parseLine", () => {
    const message = {
      tags: { "+draft/react": "👍", label: "x\\y" },
      source: "a!b@c",
      command: "TAGMSG",
      params: ["#r"],
    };
    const line = serialize(message);
    expect(parseLine(Buffer.from(line.slice(0, -2)))).toEqual({ ok: true, message });
  });

  it("never lets text from another transport inject a line", () => {
    expect(() => serialize({ tags: {}, command: "PRIVMSG", params: ["#a", "hi\r\nQUIT"] })).toThrow(SerializeError);
    expect(() => serialize({ tags: {}, command: "PRIVMSG", params: ["a b", "x"] })).toThrow(SerializeError);
  });

  it("cuts an over-long last parameter at a character boundary, within 512 bytes", () => {
    const line = serialize({ tags: {}, source: "srv", command: "PRIVMSG", params: ["#a", "é".repeat(400)] });
    expect(Buffer.byteLength(line)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    expect(line.endsWith("é\r\n")).toBe(true);
    expect(truncateUtf8("aé", 2)).toBe("a");
  });
});

describe("LineSplitter", () => {
  it("splits on LF with or without CR, across chunks, skipping blank lines", () => {
    const splitter = new LineSplitter();
    expect(splitter.push(Buffer.from("NICK a\r\nUS"))).toEqual([Buffer.from("NICK a")]);
    expect(splitter.push(Buffer.from("ER a 0 * :A\n\r\nPING x\n"))).toEqual([
      Buffer.from("USER a 0 * :A"),
      Buffer.from("PING x"),
    ]);
  });

  it("does not buffer an endless line: it reports it too long once and recovers", () => {
    const splitter = new LineSplitter(100);
    expect(splitter.push(Buffer.alloc(1000, 0x61))).toEqual([]);
    expect(splitter.push(Buffer.alloc(1000, 0x61))).toEqual([]);
    expect(splitter.push(Buffer.from("aaa\nPING y\n"))).toEqual(["too-long", Buffer.from("PING y")]);
  });
});
