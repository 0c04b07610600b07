import { describe, expect, it } from "vitest";
import { channelView, me, stateOf, textMessage } from "@canaduck/client/testing";
import { paneLines, paneRows, scrollToLine } from "./pane-lines";
import { rowText } from "./segments";

describe("the message pane's lines", () => {
  const state = stateOf(
    { type: "session", me, channels: [channelView("#dev", { lastSeq: 2 })] },
    {
      type: "messages",
      channelId: "c-#dev",
      page: "latest",
      hasMore: false,
      messages: [textMessage("c-#dev", 1, "bob", "first"), textMessage("c-#dev", 2, "bob", "second")],
    },
  );
  const channel = state.channels["c-#dev"];
  if (!channel) throw new Error("the fixture has #dev");
  const at = (seq: number) => Date.UTC(2026, 10, 24, 9, 0, seq);
  const text = (lines: ReturnType<typeof paneLines>) => paneRows(lines, 200).map(rowText);

  it("starts with where history begins, and puts notices between the messages when they happened", () => {
    const notice = {
      id: 1,
      kind: "error" as const,
      text: "You are not an operator.",
      channelId: "c-#dev",
      createdAt: at(1) + 500,
    };
    const rows = text(
      paneLines({ channel, notices: [notice], notes: [], pending: [], me: "alice", older: "idle" }, at(3)),
    );
    expect(rows[0]).toBe("--- Beginning of #dev");
    expect(rows.slice(1).map((r) => r.slice(6))).toEqual([
      "<bob> first",
      "-!- You are not an operator.",
      "<bob> second",
    ]);
  });

  it("says once where the local day changes, at midnight exactly too", () => {
    const local = (day: number, hours: number, minutes = 0) => new Date(2026, 10, day, hours, minutes).toISOString();
    const said = [
      textMessage("c-#dev", 1, "bob", "late", { createdAt: local(24, 23, 59) }),
      textMessage("c-#dev", 2, "bob", "early", { createdAt: local(25, 0, 1) }),
      textMessage("c-#dev", 3, "bob", "noon", { createdAt: local(25, 12) }),
      textMessage("c-#dev", 4, "bob", "midnight", { createdAt: local(26, 0) }),
      textMessage("c-#dev", 5, "bob", "after", { createdAt: local(26, 0, 5) }),
    ];
    const rows = text(
      paneLines(
        { channel: { ...channel, messages: said }, notices: [], notes: [], pending: [], me: "alice", older: "idle" },
        at(9),
      ),
    );
    expect(rows.slice(1).map((r) => r.replace(/^\d\d:\d\d /, ""))).toEqual([
      "<bob> late",
      "--- Day changed to 2026-11-25",
      "<bob> early",
      "<bob> noon",
      "--- Day changed to 2026-11-26",
      "<bob> midnight",
      "<bob> after",
    ]);
  });

  it("leaves out other channels' notices and shows my unsent lines last, marked", () => {
    const other = { id: 2, kind: "info" as const, text: "elsewhere", channelId: "c-#ops", createdAt: at(1) };
    const pending = [
      {
        clientId: "k1",
        channelId: "c-#dev",
        target: "#dev",
        text: "on its way",
        action: false,
        status: "sending" as const,
      },
    ];
    const rows = text(paneLines({ channel, notices: [other], notes: [], pending, me: "alice", older: "idle" }, at(3)));
    expect(rows.some((r) => r.includes("elsewhere"))).toBe(false);
    expect(rows.at(-1)?.slice(6)).toBe("<alice> on its way  (sending…)");
  });

  it("says how to reach older history, and that it is loading", () => {
    const more = { ...channel, hasOlder: true };
    expect(
      text(paneLines({ channel: more, notices: [], notes: [], pending: [], me: "alice", older: "idle" }, 0))[0],
    ).toBe("--- PageUp for older messages");
    expect(
      text(paneLines({ channel: more, notices: [], notes: [], pending: [], me: "alice", older: "loading" }, 0))[0],
    ).toBe("--- Loading older messages…");
  });
});

describe("the new messages divider", () => {
  const state = stateOf(
    { type: "session", me, channels: [channelView("#dev", { lastSeq: 3 })] },
    {
      type: "messages",
      channelId: "c-#dev",
      page: "latest",
      hasMore: false,
      messages: [1, 2, 3].map((seq) => textMessage("c-#dev", seq, "bob", `line ${seq}`)),
    },
  );
  const channel = state.channels["c-#dev"];
  if (!channel) throw new Error("the fixture has #dev");
  const rows = (unreadAfter: number | null) =>
    paneRows(
      paneLines({ channel, notices: [], notes: [], pending: [], me: "alice", older: "idle", unreadAfter }, 0),
      200,
    ).map((r) => rowText(r).replace(/^\d\d:\d\d /, ""));

  it("stands before the first line after the marker the window had when it was opened", () => {
    expect(rows(1).slice(1)).toEqual(["<bob> line 1", "── new messages ──", "<bob> line 2", "<bob> line 3"]);
  });

  it("leaves my own lines after the marker above it (my join line follows the marker set on joining)", () => {
    const mine = paneRows(
      paneLines({ channel, notices: [], notes: [], pending: [], me: "bob", older: "idle", unreadAfter: 1 }, 0),
      200,
    ).map(rowText);
    expect(mine.some((r) => r.includes("new messages"))).toBe(false);
  });

  it("is not there when nothing was unread, or everything shown was read", () => {
    expect(rows(null).some((r) => r.includes("new messages"))).toBe(false);
    expect(rows(3).some((r) => r.includes("new messages"))).toBe(false);
  });
});

describe("a jump to an older line", () => {
  const newest = [20, 21, 22].map((seq) => textMessage("c-#dev", seq, "bob", `new ${seq}`));
  const around = [4, 5, 6].map((seq) => textMessage("c-#dev", seq, "bob", `old ${seq}`));
  const state = stateOf(
    { type: "session", me, channels: [channelView("#dev", { lastSeq: 22 })] },
    { type: "messages", channelId: "c-#dev", page: "latest", hasMore: true, messages: newest },
    {
      type: "window",
      channelId: "c-#dev",
      window: { focusSeq: 5, messages: around, hasOlder: true, hasNewer: true },
    },
  );
  const channel = state.channels["c-#dev"];
  if (!channel) throw new Error("the fixture has #dev");
  const pending = [
    { clientId: "k1", channelId: "c-#dev", target: "#dev", text: "unsent", action: false, status: "sending" as const },
  ];
  const lines = paneLines(
    { channel, notices: [], notes: [], pending, me: "alice", older: "idle", focusKey: "c-#dev-5" },
    0,
  );
  const rows = paneRows(lines, 200).map((r) => rowText(r).replace(/\d\d:\d\d /, ""));

  it("shows the window around it instead of the newest lines, says how to return, and marks it", () => {
    expect(rows).toEqual([
      "--- Older lines not shown; End or Esc returns to the newest lines",
      "<bob> old 4",
      "▶ <bob> old 5",
      "<bob> old 6",
      "--- Newer lines not shown; End or Esc returns to the newest lines",
    ]);
  });

  it("says where a window starts at the beginning, not that PageUp reaches older lines", () => {
    const fromStart = { ...channel, window: { focusSeq: 5, messages: around, hasOlder: false, hasNewer: true } };
    const top = paneRows(
      paneLines({ channel: fromStart, notices: [], notes: [], pending: [], me: "alice", older: "idle" }, 0),
      200,
    ).map(rowText)[0];
    expect(top).toBe("--- Beginning of #dev");
  });

  it("puts the line in the middle of the pane, within what there is to scroll", () => {
    // Five rows, the marked one third from the top: in a 3-row pane, one row below it.
    expect(scrollToLine(lines, "c-#dev-5", 200, 3)).toBe(1);
    // A pane taller than everything cannot scroll.
    expect(scrollToLine(lines, "c-#dev-5", 200, 10)).toBe(0);
    expect(scrollToLine(lines, "c-#dev-4", 200, 1)).toBe(3);
    expect(scrollToLine(lines, "no-such-line", 200, 3)).toBeNull();
  });
});
