import { describe, expect, it } from "vitest";
import { completionCandidates, sameCandidates } from "./completion-candidates";
import { channelView, directView, me, stateOf, textMessage } from "./testing/chat-fixtures";

describe("completion candidates", () => {
  const state = stateOf(
    { type: "session", me, channels: [channelView("#dev"), directView("bob"), channelView("#design")] },
    {
      type: "members",
      channelId: "c-#dev",
      members: [
        { id: "u-alice", name: "alice", role: "member", online: true, isAdmin: false },
        { id: "u-eve", name: "eve", role: "operator", online: false, isAdmin: false },
      ],
    },
    {
      type: "messages",
      channelId: "c-#dev",
      messages: [textMessage("c-#dev", 1, "zoe", "hi"), textMessage("c-#dev", 2, "alice", "hello")],
    },
  );

  it("offers the open channel's members and recent speakers, every peer, and the joined channels in sidebar order, never me", () => {
    const { nicks, channels } = completionCandidates(state, "c-#dev");
    expect([...nicks].sort()).toEqual(["bob", "eve", "zoe"]);
    expect(channels).toEqual(["#dev", "#design"]);
  });

  it("offers peers and channels in a conversation not started yet", () => {
    expect(completionCandidates(state, null)).toEqual({
      nicks: ["bob"],
      channels: ["#dev", "#design"],
      isAdmin: false,
    });
  });

  it("compares by the names offered", () => {
    expect(sameCandidates(completionCandidates(state, "c-#dev"), completionCandidates(state, "c-#dev"))).toBe(true);
    expect(sameCandidates(completionCandidates(state, "c-#dev"), completionCandidates(state, null))).toBe(false);
  });
});
