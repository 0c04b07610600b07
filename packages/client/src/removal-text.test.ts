import { describe, expect, it } from "vitest";
import { removalText } from "./removal-text";

const now = Date.parse("2026-11-24T10:00:00.000Z");
const left = { channelId: "c1", name: "#ops" };

describe("removalText", () => {
  it("says who kicked or banned, for how long, and why", () => {
    expect(removalText({ ...left, reason: "kick", by: "alice", message: "too loud" }, now)).toBe(
      "alice kicked you from #ops: too loud",
    );
    expect(removalText({ ...left, reason: "kick", by: "alice" }, now)).toBe("alice kicked you from #ops.");
    const tenMinutes = new Date(now + 10 * 60_000).toISOString();
    expect(removalText({ ...left, reason: "ban", by: "alice", message: "flooding", expiresAt: tenMinutes }, now)).toBe(
      "alice banned you from #ops for 10 minutes: flooding",
    );
    expect(removalText({ ...left, reason: "ban", by: "alice", expiresAt: null }, now)).toBe(
      "alice banned you from #ops for good.",
    );
    const threeDays = new Date(now + 3 * 24 * 3600_000).toISOString();
    expect(removalText({ ...left, reason: "ban", by: "bob", expiresAt: threeDays }, now)).toBe(
      "bob banned you from #ops for 3 days.",
    );
  });
});
