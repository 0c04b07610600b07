import { describe, expect, it } from "vitest";
import { channelView, me, stateOf } from "./testing/chat-fixtures";
import { signalsTyping, typingText } from "./typing-text";

describe("who is typing", () => {
  const typing = (name: string, now: number) => ({
    type: "typing" as const,
    channelId: "c-#dev",
    user: { id: `u-${name}`, name },
    typing: true,
    now,
  });
  const typingIn = (...names: string[]) =>
    stateOf({ type: "session", me, channels: [channelView("#dev")] }, ...names.map((n) => typing(n, 1_000))).channels[
      "c-#dev"
    ]?.typing ?? {};

  it("names who is typing in alphabetical order, and forgets an indication that lapsed", () => {
    expect(typingText(typingIn(), 2_000)).toBeNull();
    expect(typingText(typingIn("bob"), 2_000)).toBe("bob is typing…");
    expect(typingText(typingIn("zed", "ann"), 2_000)).toBe("ann and zed are typing…");
    expect(typingText(typingIn("eve", "bob", "ann"), 2_000)).toBe("ann, bob and eve are typing…");
    expect(typingText(typingIn("bob", "eve"), 60_000)).toBeNull();
  });

  it("counts people once there are more than three", () => {
    expect(typingText(typingIn("a", "b", "c", "d"), 2_000)).toBe("4 people are typing…");
  });

  it("does not show me typing", () => {
    expect(typingText(typingIn("alice"), 2_000)).toBeNull();
  });
});

describe("what counts as typing", () => {
  it("is said text and /me, not commands or blanks", () => {
    expect(signalsTyping("hello")).toBe(true);
    expect(signalsTyping("/me waves")).toBe(true);
    expect(signalsTyping("//shrug")).toBe(true);
    expect(signalsTyping("/join #dev")).toBe(false);
    expect(signalsTyping("/me")).toBe(false);
    expect(signalsTyping("   ")).toBe(false);
    expect(signalsTyping("")).toBe(false);
  });
});
