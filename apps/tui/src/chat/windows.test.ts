import { describe, expect, it } from "vitest";
import { channelView, directView, me, stateOf } from "../testing/chat-fixtures";
import { switchTarget, windowList } from "./windows";

describe("windows", () => {
  const state = stateOf({ type: "session", me, channels: [directView("bob"), channelView("#dev"), channelView("#ops")] });

  it("numbers channels first, then conversations by the peer's nick", () => {
    expect(windowList(state).map((w) => `${w.number} ${w.name}`)).toEqual(["1 #dev", "2 #ops", "3 bob"]);
  });

  it("switches by number, and to the next / previous with wrap-around", () => {
    const windows = windowList(state);
    expect(switchTarget(windows, "c-#dev", 3)).toBe("d-bob");
    expect(switchTarget(windows, "c-#dev", 9)).toBeNull();
    expect(switchTarget(windows, "d-bob", "next")).toBe("c-#dev");
    expect(switchTarget(windows, "c-#dev", "previous")).toBe("d-bob");
  });
});
