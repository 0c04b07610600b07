import type { Message } from "@canaduck/contract";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { formatMessage, formatMessageCached } from "./format-message";
import { formatDay, formatTime } from "./format-time";
import { layoutPaneLine } from "./pane-line";
import { rowText } from "./segments";

const at = "2026-11-24T09:30:00.000Z";
const message = (over: Partial<Message>): Message => ({
  id: "m1",
  channelId: "c1",
  seq: 1,
  kind: "text",
  author: { id: "u-bob", name: "bob" },
  text: "",
  meta: {},
  createdAt: at,
  version: over.seq ?? 1,
  ...over,
});
const shown = (m: Message, me: string | null = "alice") =>
  layoutPaneLine(formatMessage(m, "#dev", me), 200)
    .map(rowText)
    .join("\n");
const time = formatTime(Date.parse(at));

describe("how a message reads", () => {
  it("shows said text, /me actions and system lines irssi-style", () => {
    expect(shown(message({ text: "hello" }))).toBe(`${time} <bob> hello`);
    expect(shown(message({ kind: "action", text: "waves" }))).toBe(`${time} * bob waves`);
    expect(shown(message({ kind: "join" }))).toBe(`${time} --> bob joined #dev`);
    expect(shown(message({ kind: "part", meta: { reason: "lunch" } }))).toBe(`${time} <-- bob left #dev (lunch)`);
    expect(shown(message({ kind: "kick", meta: { target: { id: "u-eve", name: "eve" }, reason: "spam" } }))).toBe(
      `${time} <-- eve was kicked by bob (spam)`,
    );
    expect(shown(message({ kind: "topic", text: "Release on Friday" }))).toBe(
      `${time} --- bob set the topic: Release on Friday`,
    );
    expect(shown(message({ kind: "mode", meta: { inviteOnly: true } }))).toBe(`${time} --- bob made #dev invite-only`);
    expect(shown(message({ kind: "op", meta: { target: { id: "u-eve", name: "eve" } } }))).toBe(
      `${time} --- bob made eve an operator`,
    );
  });

  it("gives a ban's expiry in the timestamps' own form, not the locale's", () => {
    const until = "2026-11-25T18:45:00.000Z";
    const ban = message({ kind: "ban", meta: { target: { id: "u-eve", name: "eve" }, expiresAt: until } });
    const expected = `${formatDay(Date.parse(until))} ${formatTime(Date.parse(until))}`;
    expect(shown(ban)).toBe(`${time} <-- eve was banned until ${expected} by bob`);
    expect(expected).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
  });

  it("highlights a line that names me, not my own lines", () => {
    const mention = formatMessage(message({ text: "alice: ping" }), "#dev", "alice");
    expect(mention.head.some((s) => s.text === "bob" && s.inverse)).toBe(true);
    const mine = formatMessage(
      message({ author: { id: "u-alice", name: "alice" }, text: "alice here" }),
      "#dev",
      "alice",
    );
    expect(mine.head.some((s) => s.inverse)).toBe(false);
  });

  it("strips escape sequences and other control characters from what others wrote", () => {
    expect(shown(message({ text: "red\u001b[31m alert\u0007\u202e" }))).toBe(`${time} <bob> red alert`);
  });

  it("shows a multi-line message with every line under the text", () => {
    expect(shown(message({ text: "one\ntwo" }))).toBe(`${time} <bob> one\n${" ".repeat(time.length + 7)}two`);
  });
});

describe("what happened to a line", () => {
  it("marks an edited line, and shows a deleted one as a tombstone", () => {
    expect(shown(message({ text: "fixed", editedAt: at, version: 3 }))).toBe(`${time} <bob> fixed (edited)`);
    const tombstone = formatMessage(message({ text: "", deleted: true }), "#dev", "alice");
    expect(tombstone.body).toEqual([{ text: "(message deleted)", dim: true }]);
  });

  it("shows a link preview's title under the line, as sanitized text", () => {
    const preview = { url: "https://example.org/", title: "Ducks\u001b[31m & drakes" };
    const line = formatMessage(message({ text: "see https://example.org/", meta: { preview } }), "#dev", null);
    const body = line.body.map((s) => s.text).join("");
    expect(body).toContain("see https://example.org/\n↳ Ducks");
    expect(body).not.toContain("\u001b");
  });

  it("leaves the preview out for a user who turned link previews off", () => {
    const preview = { url: "https://example.org/", title: "Ducks & drakes" };
    const said = message({ text: "see https://example.org/", meta: { preview } });
    const body = (previews: boolean) =>
      formatMessageCached(said, "#dev", null, previews)
        .body.map((s) => s.text)
        .join("");
    expect(body(false)).toBe("see https://example.org/");
    expect(body(true)).toContain("↳ Ducks & drakes");
  });

  it("shows reactions compactly after the text, marking mine", () => {
    const reactions = [
      { emoji: "👍", count: 2, me: false, users: [] },
      { emoji: "🎉", count: 1, me: true, users: [] },
    ];
    expect(shown(message({ text: "ship it", reactions }))).toBe(`${time} <bob> ship it [👍 2 🎉 1*]`);
  });

  it("shows who a reply answers and the first words of what they said", () => {
    const replyTo = {
      seq: 1,
      author: { id: "u-alice", name: "alice" },
      excerpt: "shall we **ship**",
      deleted: false,
      version: 1,
    };
    expect(shown(message({ seq: 2, text: "yes", replyTo }))).toBe(`${time} <bob> ↪ alice: shall we ship yes`);
    expect(shown(message({ seq: 2, text: "yes", replyTo: { ...replyTo, excerpt: "", deleted: true } }))).toBe(
      `${time} <bob> ↪ alice: (message deleted) yes`,
    );
  });

  it("shows quit and nick lines", () => {
    expect(shown(message({ kind: "quit", author: { id: "u-alice", name: "alice" }, meta: { reason: "bye" } }))).toBe(
      `${time} <-- alice has quit (bye)`,
    );
    expect(
      shown(message({ kind: "nick", author: { id: "u-alice", name: "al" }, meta: { previousName: "alice" } })),
    ).toBe(`${time} --- alice is now known as al`);
  });

  it("formats said text, keeping the row within the pane with emoji reactions", () => {
    const line = formatMessage(
      message({ text: "**big** news", reactions: [{ emoji: "🎉", count: 1, me: false, users: [] }] }),
      "#dev",
      null,
    );
    expect(line.body.find((s) => s.text === "big")?.bold).toBe(true);
    const rows = layoutPaneLine(line, 22).map(rowText);
    expect(rows.every((r) => stringWidth(r) <= 22)).toBe(true);
    expect(rows.join(" ")).toContain("[🎉 1]");
  });
});
