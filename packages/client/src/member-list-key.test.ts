import { describe, expect, it } from "vitest";
import { memberListKey } from "./member-list-key";
import { channelView, directView, me, stateOf, textMessage } from "./testing/chat-fixtures";

describe("when the member list is read again", () => {
  const online = { type: "status" as const, status: "online" as const };
  const session = { type: "session" as const, me, channels: [channelView("#dev"), directView("bob")] };
  const said = (seq: number, kind: "text" | "join" | "kick") => ({
    type: "messages" as const,
    channelId: "c-#dev",
    messages: [textMessage("c-#dev", seq, "bob", "", { kind })],
  });

  it("on opening a channel, not after chat nor after joins, parts or kicks (those come as channel:member)", () => {
    const opened = memberListKey(stateOf(online, session));
    expect(opened).not.toBeNull();
    expect(memberListKey(stateOf(online, session, said(1, "text"), said(2, "join"), said(3, "kick")))).toBe(opened);
    const other = { type: "joined" as const, channel: channelView("#ops") };
    expect(memberListKey(stateOf(online, session, other, { type: "select", channelId: "c-#ops" }))).not.toBe(opened);
  });

  it("not in a direct conversation, nor while offline; again when back online", () => {
    expect(memberListKey(stateOf(online, session, { type: "select", channelId: "d-bob" }))).toBeNull();
    expect(memberListKey(stateOf(online, session, { type: "status", status: "reconnecting" }))).toBeNull();
    expect(memberListKey(stateOf(online, session, { type: "status", status: "reconnecting" }, online))).toBe(
      memberListKey(stateOf(online, session)),
    );
  });
});
