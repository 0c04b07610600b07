import { channelView, directView, me, stateOf, textMessage } from "@canaduck/client/testing";
import type { ChatAction } from "@canaduck/client";
import { describe, expect, it } from "vitest";
import { followState } from "./use-windows";
import { closeWindow, emptyBook, moveWindow, numberWindows } from "./window-book";
import { mostActive, windowList, windowNumbered } from "./window-list";

const session: ChatAction = {
  type: "session",
  me,
  channels: [channelView("#dev"), channelView("#ops"), channelView("#misc"), directView("bob")],
};

describe("window numbers, irssi style", () => {
  it("keeps a window's number when a channel is joined or another is left", () => {
    const start = stateOf(session);
    const book = followState(emptyBook, start, start);
    const numbers = () => windowList(after, next).map((w) => `${w.number}:${w.name}`);
    // The first session lists channels first, then conversations: the DM is window 4.
    expect(windowList(start, book).map((w) => `${w.number}:${w.name}`)).toEqual([
      "1:#dev",
      "2:#ops",
      "3:#misc",
      "4:bob",
    ]);
    let after = stateOf(session, { type: "joined", channel: channelView("#alpha") });
    let next = followState(book, start, after);
    expect(numbers()).toEqual(["1:#dev", "2:#ops", "3:#misc", "4:bob", "5:#alpha"]);
    expect(windowNumbered(windowList(after, next), 4)).toBe("d-bob");

    const parted = stateOf(
      session,
      { type: "joined", channel: channelView("#alpha") },
      { type: "left", channelId: "c-#ops" },
    );
    next = followState(next, after, parted);
    after = parted;
    expect(numbers()).toEqual(["1:#dev", "3:#misc", "4:bob", "5:#alpha"]);
    // The freed number is the next one given out.
    const joined = stateOf(
      session,
      { type: "joined", channel: channelView("#alpha") },
      { type: "left", channelId: "c-#ops" },
      { type: "joined", channel: channelView("#new") },
    );
    next = followState(next, after, joined);
    after = joined;
    expect(numbers()).toEqual(["1:#dev", "2:#new", "3:#misc", "4:bob", "5:#alpha"]);
  });

  it("keeps a window the user was kicked from, parted, saying who and why, until it is closed", () => {
    const kick = textMessage("c-#ops", 1, "carol", "", {
      kind: "kick",
      meta: { target: { id: me.id, name: me.name }, reason: "too loud" },
    });
    const before = stateOf(session, { type: "messages", channelId: "c-#ops", messages: [kick] });
    const book = followState(emptyBook, before, before);
    const after = stateOf(session, { type: "left", channelId: "c-#ops" });
    const next = followState(book, before, after);
    const ops = windowList(after, next).find((w) => w.id === "c-#ops");
    expect(ops).toMatchObject({ number: 2, parted: true });
    expect(next.parted["c-#ops"]?.why).toBe(
      "You were kicked from #ops by carol (too loud). /close closes this window.",
    );
    expect(followState(next, after, stateOf(session, { type: "logged-out" }))).toBe(emptyBook);
    const closed = closeWindow(next, "c-#ops");
    expect(windowList(after, closed).map((w) => w.number)).toEqual([1, 3, 4]);
  });

  it("moves a window to a number, swapping with the window that had it", () => {
    const state = stateOf(session);
    const book = moveWindow(followState(emptyBook, state, state), "d-bob", 1);
    expect(windowList(state, book).map((w) => `${w.number}:${w.name}`)).toEqual([
      "1:bob",
      "2:#ops",
      "3:#misc",
      "4:#dev",
    ]);
    // Moving to a free number leaves a gap that a new window fills.
    const moved = moveWindow(book, "c-#ops", 9);
    expect(numberWindows(moved, [...state.order, "c-#new"]).numbers["c-#new"]).toBe(2);
  });

  it("hides a closed direct conversation until a newer line arrives, then gives it a number again", () => {
    const state = stateOf(session);
    const book = closeWindow(followState(emptyBook, state, state), "d-bob", 0);
    const quiet = stateOf(session, { type: "select", channelId: "c-#dev" });
    const hidden = followState(book, state, quiet);
    expect(windowList(quiet, hidden).map((w) => w.name)).toEqual(["#dev", "#ops", "#misc"]);
    const spoke = stateOf(session, {
      type: "messages",
      channelId: "d-bob",
      messages: [textMessage("d-bob", 1, "bob", "hi")],
    });
    const back = followState(hidden, quiet, spoke);
    expect(windowList(spoke, back).find((w) => w.id === "d-bob")?.number).toBe(4);
  });
});

describe("the hotlist", () => {
  it("ranks a highlight over a private line over a line over a join, and Alt+A goes to the highest", () => {
    const join = textMessage("c-#misc", 1, "dave", "", { kind: "join" });
    const state = stateOf(
      session,
      { type: "select", channelId: "c-#dev" },
      { type: "messages", channelId: "c-#misc", messages: [join] },
      { type: "messages", channelId: "c-#ops", messages: [textMessage("c-#ops", 1, "bob", "hello")] },
    );
    const book = followState(emptyBook, state, state);
    const windows = windowList(state, book);
    expect(windows.map((w) => w.activity)).toEqual(["none", "message", "event", "none"]);
    expect(mostActive(windows, "c-#dev")).toBe("c-#ops");

    const withPrivate = stateOf(
      session,
      { type: "messages", channelId: "c-#ops", messages: [textMessage("c-#ops", 1, "bob", "hello")] },
      { type: "messages", channelId: "d-bob", messages: [textMessage("d-bob", 1, "bob", "psst")] },
    );
    expect(mostActive(windowList(withPrivate, book), "c-#dev")).toBe("d-bob");
    const highlighted = stateOf(
      session,
      { type: "messages", channelId: "d-bob", messages: [textMessage("d-bob", 1, "bob", "psst")] },
      { type: "messages", channelId: "c-#misc", messages: [textMessage("c-#misc", 1, "bob", "alice: look")] },
    );
    expect(mostActive(windowList(highlighted, book), "c-#dev")).toBe("c-#misc");
    expect(mostActive(windowList(stateOf(session), book), "c-#dev")).toBeNull();
  });
});
