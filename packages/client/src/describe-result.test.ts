import { describe, expect, it } from "vitest";
import { describeCommandResult } from "./describe-result";

describe("describeCommandResult for sessions", () => {
  it("lists sessions by the short id /revoke takes, marking this one", () => {
    const text = describeCommandResult("session:list", {
      sessions: [
        {
          id: "3b9f7c1e-0d2a-4e5f-9a8b-7c6d5e4f3a2b",
          createdAt: "2026-11-24T09:30:00.000Z",
          expiresAt: "2026-12-24T09:30:00.000Z",
          current: true,
        },
        {
          id: "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d",
          createdAt: "2026-11-20T18:02:11.000Z",
          expiresAt: "2026-12-20T18:02:11.000Z",
          current: false,
        },
      ],
    });
    expect(text).toBe(
      [
        "Your sessions (/revoke id logs one out):",
        "  3b9f7c1e  since 2026-11-24 09:30, until 2026-12-24 09:30  (this one)",
        "  8a7b6c5d  since 2026-11-20 18:02, until 2026-12-20 18:02",
      ].join("\n"),
    );
    expect(describeCommandResult("session:revoke", {})).toBe("Session logged out.");
  });
});

describe("describeCommandResult marks bots", () => {
  it("in /whois and /who", () => {
    const whois = describeCommandResult("user:whois", {
      user: { id: "b", name: "dicebot", isAdmin: false, isBot: true },
      online: true,
      away: null,
      idleSeconds: null,
      channelsInCommon: ["#dev"],
    });
    expect(whois?.split("\n")[0]).toBe("dicebot [BOT]: online, has said nothing yet");
    const who = describeCommandResult("channel:who", {
      members: [
        { id: "a", name: "ann", role: "owner", isAdmin: false, online: true },
        { id: "b", name: "dicebot", role: "member", isAdmin: false, online: true, isBot: true },
      ],
    });
    expect(who).toBe("Members:\n  ~ann\n   dicebot [BOT]");
  });
});
