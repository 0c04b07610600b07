import { describe, expect, it } from "vitest";
import { channelView, me, stateOf } from "../testing/chat-fixtures";
import { typingText } from "./typing-names";

describe("who is typing", () => {
  const typing = (name: string, now: number) => ({ type: "typing" as const, channelId: "c-#dev", user: { id: `u-${name}`, name }, typing: true, now });
  const state = stateOf({ type: "session", me, channels: [channelView("#dev")] }, typing("bob", 1_000), typing("eve", 1_000));

  it("names who is typing, and forgets an indication that lapsed", () => {
    const channel = state.channels["c-#dev"] ?? null;
    expect(typingText(channel, 2_000)).toBe("bob and eve are typing…");
    expect(typingText(channel, 60_000)).toBeNull();
  });
});
