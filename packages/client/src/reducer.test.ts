import { defaultUserSettings } from "@canaduck/contract";
import { describe, expect, it } from "vitest";
import { chatReducer, LINES_KEPT, type ChatAction } from "./reducer";
import type { ChatState } from "./state";
import { changeEntry, channelView, me, stateOf, textMessage } from "./testing/chat-fixtures";

const A = "c-#a";
const B = "c-#b";
const session = (over: Parameters<typeof channelView>[1] = {}): ChatAction => ({
  type: "session",
  me,
  channels: [channelView("#a"), channelView("#b", over)],
});
/** Live lines, each given as textMessage's arguments. */
const live = (channelId: string, ...lines: Parameters<typeof textMessage>[]): ChatAction => ({
  type: "messages",
  channelId,
  messages: lines.map((args) => textMessage(...args)),
});
const apply = (state: ChatState, ...actions: ChatAction[]) => actions.reduce(chatReducer, state);

describe("chatReducer", () => {
  it("takes a channel update's shared view whole: previews turned back on are on, not left off", () => {
    const { role: _r, readSeq: _s, unread: _u, mentions: _m, ...shared } = channelView("#b");
    const off = stateOf(session(), { type: "updated", channel: { ...shared, previewsOff: true } });
    expect(off.channels[B]?.view.previewsOff).toBe(true);
    const on = apply(off, { type: "updated", channel: shared });
    expect(on.channels[B]?.view.previewsOff).toBeUndefined();
    // What is the viewer's own stays.
    expect(on.channels[B]?.view.role).toBe("member");
  });

  it("keeps a bounded window of lines per conversation: the oldest are paged back from the server", () => {
    const flood = Array.from({ length: LINES_KEPT + 500 }, (_, i) => textMessage(B, i + 1, "bob", `line ${i + 1}`));
    const state = stateOf(session(), { type: "messages", channelId: B, messages: flood });
    const channel = state.channels[B];
    expect(channel?.messages).toHaveLength(LINES_KEPT);
    expect(channel?.messages[0]?.seq).toBe(501);
    expect(channel).toMatchObject({ hasOlder: true, cursor: LINES_KEPT + 500 });
    // Scrolling back reads older pages, which are kept: that is the reader's choice.
    const older = Array.from({ length: 100 }, (_, i) => textMessage(B, 401 + i, "bob", `old ${i}`));
    const back = apply(state, { type: "messages", channelId: B, messages: older, page: "older", hasMore: true });
    expect(back.channels[B]?.messages).toHaveLength(LINES_KEPT + 100);
  });

  it("applies a presence list in one pass, each user ending in the state listed last", () => {
    const member = (id: string, name: string) => ({ id, name, role: "member" as const, isAdmin: false, online: true });
    const state = stateOf(session(), {
      type: "members",
      channelId: B,
      members: [member("u-bob", "bob"), member("u-cy", "cy"), member("u-di", "di")],
    });
    const bob = { id: "u-bob", name: "bob" };
    const after = apply(state, {
      type: "presence",
      changes: [
        { user: bob, online: false },
        { user: { id: "u-cy", name: "cy" }, online: false },
        { user: bob, online: true },
      ],
    });
    expect(after.channels[B]?.members?.map((m) => [m.name, m.online])).toEqual([
      ["bob", true],
      ["cy", false],
      ["di", true],
    ]);
  });

  it("keeps the ignore list and members' away messages", () => {
    const state = stateOf(session(), {
      type: "members",
      channelId: B,
      members: [{ id: "u-bob", name: "bob", role: "member", isAdmin: false, online: true }],
    });
    const away = apply(state, { type: "away", user: { id: "u-bob", name: "bob" }, away: "lunch" });
    expect(away.channels[B]?.members?.[0]?.away).toBe("lunch");
    const back = apply(away, { type: "away", user: { id: "u-bob", name: "bob" }, away: null });
    expect(back.channels[B]?.members?.[0]).not.toHaveProperty("away");
    const ignoring = apply(back, { type: "ignored", ignored: [{ id: "u-bob", name: "bob" }] });
    expect(ignoring.ignored).toEqual([{ id: "u-bob", name: "bob" }]);
  });

  it("counts live lines from others as unread, and mentions of me, whichever channel is open", () => {
    const state = stateOf(session(), live(B, [B, 1, "bob", "hello"], [B, 2, "bob", "alice: look"]));
    expect(state.activeId).toBe(A);
    expect(state.channels[B]).toMatchObject({ unread: 2, mentions: 1, countedTo: 2 });
    const opened = apply(state, { type: "select", channelId: B });
    // Opening is not reading: the view marks read when the lines are seen.
    expect(opened.channels[B]).toMatchObject({ unread: 2, mentions: 1 });
  });

  it("does not count my own lines, system lines, or a line received twice", () => {
    const line = textMessage(B, 2, "bob", "x");
    const state = stateOf(
      session(),
      live(B, [B, 1, "alice", "mine"]),
      { type: "messages", channelId: B, messages: [line] },
      { type: "messages", channelId: B, messages: [line] },
      { type: "messages", channelId: B, messages: [textMessage(B, 3, "bob", "", { kind: "join" })] },
    );
    expect(state.channels[B]?.unread).toBe(1);
    expect(state.channels[B]?.messages).toHaveLength(3);
  });

  it("starts from the server's count and adds only lines past what it counted", () => {
    const state = stateOf(
      session({ lastSeq: 10, readSeq: 4, unread: 3, mentions: 1 }),
      { type: "messages", channelId: B, messages: [textMessage(B, 9, "bob", "counted already")], page: "latest" },
      live(B, [B, 11, "bob", "new"]),
    );
    expect(state.channels[B]).toMatchObject({ readSeq: 4, unread: 4, mentions: 1, countedTo: 11 });
  });

  it("counts a line that fills a gap after a later one arrived", () => {
    const state = stateOf(
      session(),
      live(B, [B, 1, "bob", "one"], [B, 3, "bob", "three"]),
      live(B, [B, 2, "bob", "two"]),
    );
    expect(state.channels[B]).toMatchObject({ unread: 3, cursor: 3, ahead: [] });
  });

  it("takes a deleted unread line back off the badge, with its mention", () => {
    const state = stateOf(session(), live(B, [B, 1, "bob", "alice: hi"], [B, 2, "bob", "more"]), {
      type: "messages",
      channelId: B,
      messages: [changeEntry(B, 3, "delete", "bob", 1)],
    });
    expect(state.channels[B]).toMatchObject({ unread: 1, mentions: 0, cursor: 3 });
    expect(state.channels[B]?.messages.map((m) => m.seq)).toEqual([1, 2]);
  });

  it("follows an edit that adds a mention to an unread line", () => {
    const state = stateOf(session(), live(B, [B, 1, "bob", "hi"]), {
      type: "messages",
      channelId: B,
      messages: [changeEntry(B, 2, "edit", "bob", 1, { text: "hi alice" })],
    });
    expect(state.channels[B]).toMatchObject({ unread: 1, mentions: 1 });
  });

  it("does not count again a change the server's count already saw (a catch-up's entries)", () => {
    const state = stateOf(
      session(),
      live(B, [B, 1, "bob", "hi"], [B, 2, "bob", "there"]),
      // Reconnect: the server counted up to seq 3, with line 1 deleted (seq 3) already left out.
      session({ lastSeq: 3, readSeq: 0, unread: 1, mentions: 0 }),
      { type: "messages", channelId: B, messages: [changeEntry(B, 3, "delete", "bob", 1)], page: "newer" },
    );
    expect(state.channels[B]).toMatchObject({ unread: 1, mentions: 0 });
  });

  it("follows the user's role through op and deop lines about them, but not old ones in history", () => {
    const opLine = (seq: number, kind: "op" | "deop") =>
      textMessage(B, seq, "olive", "", { kind, meta: { target: { id: me.id, name: me.name } } });
    const opped = stateOf(session({ lastSeq: 4 }), { type: "messages", channelId: B, messages: [opLine(5, "op")] });
    expect(opped.channels[B]?.view.role).toBe("operator");
    const deopped = apply(opped, { type: "messages", channelId: B, messages: [opLine(6, "deop")] });
    expect(deopped.channels[B]?.view.role).toBe("member");
    const history = apply(deopped, { type: "messages", channelId: B, messages: [opLine(2, "op")], page: "older" });
    expect(history.channels[B]?.view.role).toBe("member");
  });

  it("takes read:marked as the new basis, keeping lines that arrived after the server counted", () => {
    const state = stateOf(session(), live(B, [B, 1, "bob", "a"], [B, 2, "bob", "b"], [B, 3, "bob", "alice?"]), {
      type: "read-marked",
      channelId: B,
      readSeq: 1,
      unread: 1,
      mentions: 0,
      lastSeq: 2,
    });
    expect(state.channels[B]).toMatchObject({ readSeq: 1, unread: 2, mentions: 1, countedTo: 3 });
  });

  it("clears the badge at once when read locally, and ignores an older confirmation after it", () => {
    const state = stateOf(
      session(),
      live(B, [B, 1, "bob", "a"], [B, 2, "bob", "b"]),
      { type: "read-local", channelId: B, readSeq: 2 },
      { type: "read-marked", channelId: B, readSeq: 1, unread: 1, mentions: 0, lastSeq: 2 },
    );
    expect(state.channels[B]).toMatchObject({ readSeq: 2, unread: 0, mentions: 0 });
  });

  it("rebases the badge on the server's view at a reconnect", () => {
    const state = stateOf(
      session(),
      live(B, [B, 1, "bob", "a"]),
      session({ lastSeq: 5, readSeq: 3, unread: 2, mentions: 2 }),
    );
    expect(state.channels[B]).toMatchObject({ readSeq: 3, unread: 2, mentions: 2, countedTo: 5 });
  });

  it("applies a live change to the jump window as well as to the newest lines", () => {
    const old = textMessage(B, 3, "bob", "far back");
    const state = stateOf(
      session({ lastSeq: 500 }),
      { type: "window", channelId: B, window: { focusSeq: 3, messages: [old], hasOlder: true, hasNewer: true } },
      { type: "messages", channelId: B, messages: [changeEntry(B, 501, "edit", "bob", 3, { text: "changed" })] },
    );
    expect(state.channels[B]?.window?.messages[0]).toMatchObject({ text: "changed", version: 501 });
    expect(state.channels[B]?.cursor).toBe(501);
    expect(apply(state, { type: "window", channelId: B, window: null }).channels[B]?.window).toBeNull();
  });

  it("forgets a channel the user left and moves the view elsewhere", () => {
    const state = stateOf(session(), { type: "left", channelId: A });
    expect(state.order).toEqual([B]);
    expect(state.activeId).toBe(B);
  });

  it("drops channels the server no longer lists after a reconnect, keeping loaded lines of the rest", () => {
    const state = stateOf(session(), live(B, [B, 1, "bob", "kept"]), {
      type: "session",
      me,
      channels: [channelView("#b", { lastSeq: 1 })],
    });
    expect(Object.keys(state.channels)).toEqual([B]);
    expect(state.channels[B]?.messages.map((m) => m.text)).toEqual(["kept"]);
  });

  it("renames a member in member lists and the peer of a direct conversation", () => {
    const state = stateOf(
      session(),
      {
        type: "members",
        channelId: A,
        members: [{ id: "u-bob", name: "bob", role: "member", isAdmin: false, online: true }],
      },
      { type: "user-updated", user: { id: "u-bob", name: "robert", isAdmin: false }, previousName: "bob" },
    );
    expect(state.channels[A]?.members?.[0]?.name).toBe("robert");
  });

  it("shows who is typing until their line arrives", () => {
    let state = stateOf(session(), {
      type: "typing",
      channelId: A,
      user: { id: "u-bob", name: "bob" },
      typing: true,
      now: 1000,
    });
    expect(Object.values(state.channels[A]?.typing ?? {}).map((t) => t.name)).toEqual(["bob"]);
    state = apply(state, live(A, [A, 1, "bob", "done"]));
    expect(state.channels[A]?.typing).toEqual({});
  });

  it("holds the server's settings until logout, then the defaults again", () => {
    const settings = { ...defaultUserSettings, theme: "dark" as const, compact: true };
    const state = stateOf(session(), { type: "settings", settings });
    expect(state.settings).toEqual(settings);
    expect(apply(state, { type: "logged-out" }).settings).toEqual(defaultUserSettings);
  });
});
