import type { ChannelState } from "@canaduck/client";
import type { Message } from "@canaduck/contract";
import { cleanup, render, screen } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MessageList } from "./message-list";

const said = (seq: number, text: string, author = "ann", kind: Message["kind"] = "text"): Message => ({
  id: `m${seq}`,
  channelId: "c",
  seq,
  kind,
  author: { id: author, name: author },
  text,
  meta: {},
  createdAt: new Date(Date.UTC(2026, 10, 24, 9, 0, seq)).toISOString(),
  version: seq,
});

function channel(messages: Message[], hasOlder = false): ChannelState {
  return {
    view: {
      id: "c",
      name: "#dev",
      kind: "channel",
      topic: "",
      inviteOnly: false,
      memberCount: 2,
      lastSeq: messages.length,
      role: "member",
      readSeq: messages.length,
      unread: 0,
      mentions: 0,
    },
    target: "#dev",
    messages,
    cursor: messages.length,
    ahead: [],
    hasOlder,
    readSeq: messages.length,
    unread: 0,
    mentions: 0,
    countedTo: messages.length,
    members: null,
    window: null,
    typing: {},
  };
}

const noop = () => undefined;
const show = (c: ChannelState, ignored: Array<{ id: string; name: string }> = []) =>
  render(
    <MessageList
      ignored={ignored}
      channel={c}
      name="#dev"
      pending={[]}
      myName="bob"
      myId="bob"
      onLoadOlder={() => Promise.resolve(false)}
      onAuthor={noop}
      onRetry={noop}
      onDiscard={noop}
    />,
  );

afterEach(cleanup);

// jsdom lays nothing out: give the scroller an 800×600 viewport and every row 30 px.
const sizes = {
  clientHeight: (el: HTMLElement) => (el.classList.contains("message-scroll") ? 600 : 0),
  clientWidth: () => 800,
  offsetHeight: () => 30,
};
beforeAll(() => {
  for (const [prop, size] of Object.entries(sizes)) {
    Object.defineProperty(HTMLElement.prototype, prop, {
      configurable: true,
      get(this: HTMLElement) {
        return size(this);
      },
    });
  }
});
afterAll(() => {
  for (const prop of Object.keys(sizes)) Reflect.deleteProperty(HTMLElement.prototype, prop);
});

describe("MessageList", () => {
  it("renders only a screenful of rows for a channel of 10,000 lines", () => {
    const many = Array.from({ length: 10_000 }, (_, i) => said(i + 1, `line ${i + 1}`));
    show(channel(many, true));
    const rows = document.querySelectorAll(".row").length;
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(80);
  });

  it("hides what an ignored user said, keeping the lines about them", () => {
    show(channel([said(1, "buy ducks", "spam"), said(2, "", "spam", "join"), said(3, "hello")]), [
      { id: "spam", name: "spam" },
    ]);
    expect(screen.queryByText("buy ducks")).toBeNull();
    expect(screen.getByText("hello")).toBeTruthy();
    expect(screen.getByRole("log").textContent).toContain("spam");
  });

  it("shows markup from a user as text: no element is created from it", () => {
    show(channel([said(1, '<img src=x onerror="alert(1)"><b>bold</b>')]));
    expect(screen.getByText('<img src=x onerror="alert(1)"><b>bold</b>')).toBeTruthy();
    const log = screen.getByRole("log");
    expect(log.querySelector("img")).toBeNull();
    expect(log.querySelector("b")).toBeNull();
  });

  it("groups lines by author, highlights lines that mention me, and shows system lines as sentences", () => {
    show(
      channel([
        said(1, "hello"),
        said(2, "bob, are you there?"),
        said(3, "", "carl", "join"),
        said(4, "waves", "carl", "action"),
      ]),
    );
    expect(screen.getAllByRole("button", { name: "ann" })).toHaveLength(1);
    expect(screen.getByText("bob").closest(".msg")?.classList.contains("mentions-me")).toBe(true);
    expect(screen.getByText(/carl joined/)).toBeTruthy();
    expect(screen.getByText("waves").closest(".msg")?.classList.contains("action")).toBe(true);
    expect(screen.getByText("This is the very beginning of the conversation.")).toBeTruthy();
  });
});
