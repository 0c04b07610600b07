import type { Message } from "@canaduck/contract";
import { describe, expect, it } from "vitest";
import { systemLine } from "./system-line";

const line = (kind: Message["kind"], meta: Message["meta"] = {}, text = ""): Message => ({
  id: "m",
  channelId: "c",
  seq: 1,
  kind,
  author: { id: "a", name: "ann" },
  text,
  meta,
  createdAt: "2026-11-24T10:00:00.000Z",
  version: 1,
});
const bob = { id: "b", name: "bob" };

describe("systemLine", () => {
  it("reads each kind of system line as a sentence", () => {
    expect(systemLine(line("join"))).toBe("ann joined");
    expect(systemLine(line("part", { reason: "lunch" }))).toBe("ann left (lunch)");
    expect(systemLine(line("kick", { target: bob, reason: "spam" }))).toBe("ann removed bob (spam)");
    expect(systemLine(line("ban", { target: bob, expiresAt: "2026-11-24T10:10:00.000Z" }))).toBe(
      "ann banned bob for 10 minutes",
    );
    expect(systemLine(line("ban", { target: bob, expiresAt: null }))).toBe("ann banned bob");
    expect(systemLine(line("unban", { target: bob }))).toBe("ann lifted the ban on bob");
    expect(systemLine(line("topic", {}, "Friday"))).toBe("ann set the topic: Friday");
    expect(systemLine(line("mode", { inviteOnly: true }))).toBe("ann made the channel invite-only");
    expect(systemLine(line("mode", { previews: false }))).toBe("ann turned link previews off");
    expect(systemLine(line("mode", { previews: true }))).toBe("ann turned link previews on");
    expect(systemLine(line("op", { target: bob }))).toBe("ann made bob an operator");
    expect(systemLine(line("deop", { target: bob }))).toBe("ann made bob a member");
  });

  it("leaves said text and actions to the message view", () => {
    expect(systemLine(line("text", {}, "hi"))).toBeNull();
    expect(systemLine(line("action", {}, "waves"))).toBeNull();
  });

  it("reads quit and nick lines: who quit and why, and the old name becoming the new", () => {
    expect(systemLine(line("quit", { reason: "gone fishing" }))).toBe("ann quit (gone fishing)");
    expect(systemLine(line("quit"))).toBe("ann quit");
    expect(systemLine({ ...line("nick", { previousName: "alice" }), author: { id: "a", name: "al" } })).toBe(
      "alice is now known as al",
    );
  });
});
