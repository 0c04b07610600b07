import type { ChannelState } from "@canaduck/client";
import type { ChannelView, Message, UserView } from "@canaduck/contract";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { MessageList } from "./message-list";
import type { LineContext } from "./message-row";

vi.mock("../lib/emoji-picker", () => ({
  // The real picker is emoji-mart's custom element; here a stand-in offers one emoji.
  mountEmojiPicker: (host: HTMLElement, onPick: (emoji: string) => void) => {
    const button = document.createElement("button");
    button.textContent = "🦆";
    button.addEventListener("click", () => onPick("🦆"));
    host.append(button);
    return () => host.replaceChildren();
  },
}));

const bob: UserView = { id: "bob", name: "bob", isAdmin: false };
const said = (seq: number, text: string, author = "ann", over: Partial<Message> = {}): Message => ({
  id: `m${seq}`,
  channelId: "c",
  seq,
  kind: "text",
  author: { id: author, name: author },
  text,
  meta: {},
  createdAt: new Date(Date.UTC(2026, 10, 24, 9, seq, 0)).toISOString(),
  version: seq,
  ...over,
});

const view = (role: ChannelView["role"] = "member"): ChannelView => ({
  id: "c",
  name: "#dev",
  kind: "channel",
  topic: "",
  inviteOnly: false,
  memberCount: 2,
  lastSeq: 10,
  role,
  readSeq: 10,
  unread: 0,
  mentions: 0,
});

function channel(messages: Message[], over: Partial<ChannelState> = {}): ChannelState {
  const last = messages.at(-1)?.seq ?? 0;
  return {
    view: view(),
    target: "#dev",
    messages,
    cursor: last,
    ahead: [],
    hasOlder: false,
    readSeq: last,
    unread: 0,
    mentions: 0,
    countedTo: last,
    members: null,
    window: null,
    typing: {},
    ...over,
  };
}

function handlers(me = bob, role: ChannelView["role"] = "member"): LineContext {
  return {
    me,
    view: view(role),
    onEdit: vi.fn(),
    onDelete: vi.fn(),
    onReply: vi.fn(),
    onReact: vi.fn(),
    onJump: vi.fn(),
  };
}

const noop = () => undefined;
function show(
  c: ChannelState,
  lines: LineContext | null = handlers(),
  extra: Partial<Parameters<typeof MessageList>[0]> = {},
) {
  render(
    <MessageList
      channel={c}
      name="#dev"
      pending={[]}
      myName="bob"
      myId="bob"
      onLoadOlder={() => Promise.resolve(false)}
      onAuthor={noop}
      onRetry={noop}
      onDiscard={noop}
      lines={lines}
      {...extra}
    />,
  );
  return { log: screen.getByRole("log"), user: userEvent.setup() };
}

const lineOf = (text: string) => {
  const line = screen.getByText(text).closest<HTMLElement>(".msg");
  if (!line) throw new Error(`no line with ${text}`);
  return line;
};

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
beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe("formatted lines", () => {
  it("shows bold, italic, strikethrough, code, code blocks, quotes and links as marks, and user HTML as text", () => {
    const text =
      "**bold** _it_ ~~gone~~ `x = 1` see https://example.org/a and <b>raw</b>\n\n```\nlet a = 1;\n```\n\n> quoted";
    const { log } = show(channel([said(1, text)]));
    expect(log.querySelector("strong")?.textContent).toBe("bold");
    expect(log.querySelector("em")?.textContent).toBe("it");
    expect(log.querySelector("del")?.textContent).toBe("gone");
    expect(log.querySelector("p code")?.textContent).toBe("x = 1");
    expect(log.querySelector("pre code")?.textContent).toBe("let a = 1;\n");
    expect(log.querySelector("blockquote")?.textContent?.trim()).toBe("quoted");
    const link = screen.getByRole("link", { name: "https://example.org/a" });
    expect(link.getAttribute("target")).toBe("_blank");
    expect(link.getAttribute("rel")).toContain("noopener noreferrer");
    expect(log.querySelector("b")).toBeNull();
    expect(log.textContent).toContain("<b>raw</b>");
  });

  it("reads a line that starts with HTML as text, and still links what follows", () => {
    const { log } = show(channel([said(1, "<script>alert(2)</script> and https://example.org/docs?a=1")]));
    expect(log.querySelector("script")).toBeNull();
    expect(log.textContent).toContain("<script>alert(2)</script> and");
    expect(screen.getByRole("link", { name: "https://example.org/docs?a=1" }).getAttribute("href")).toBe(
      "https://example.org/docs?a=1",
    );
  });

  it("loads no images and follows no script links: both stay text", () => {
    const { log } = show(channel([said(1, "![cat](https://example.org/cat.png) [click](javascript:alert(1))")]));
    expect(log.querySelector("img")).toBeNull();
    expect(log.textContent).toContain("![cat](https://example.org/cat.png)");
    expect(screen.queryByRole("link", { name: "click" })).toBeNull();
    expect(log.textContent).toContain("click");
  });

  it("marks the reader's nick as a word, in any case, with or without @", () => {
    const { log } = show(channel([said(1, "hey Bob, and @bob: but not bobby")]));
    expect([...log.querySelectorAll("mark.mention")].map((m) => m.textContent)).toEqual(["Bob", "@bob"]);
  });

  it("still marks the reader's nick, but not inside code", () => {
    const { log } = show(channel([said(1, "hey bob, see `bob`")]));
    expect(log.querySelectorAll("mark.mention")).toHaveLength(1);
    expect(log.querySelector("mark.mention")?.closest(".msg")?.classList.contains("mentions-me")).toBe(true);
  });

  it("does not ring the reader's nick in the reader's own lines", () => {
    const { log } = show(
      channel([said(1, "I am bob, hi", "bob"), said(2, "/me bob waves", "bob", { kind: "action" })]),
    );
    expect(log.querySelectorAll("mark.mention")).toHaveLength(0);
    expect(log.querySelectorAll(".mentions-me")).toHaveLength(0);
  });
});

describe("edited and deleted lines", () => {
  it('marks an edited line "(edited)" with the time in its title', () => {
    show(channel([said(1, "fixed text", "ann", { editedAt: "2026-11-24T09:05:00.000Z", version: 2 })]));
    const edited = screen.getByText("(edited)");
    expect(edited.getAttribute("title")).toMatch(/^Edited .*2026/);
  });

  it('shows a deleted line as a muted "(message deleted)" without text, reactions or actions', () => {
    show(channel([said(1, "", "ann", { deleted: true, version: 3 })]), handlers(bob, "operator"));
    const tombstone = screen.getByText("(message deleted)");
    expect(tombstone.classList.contains("tombstone")).toBe(true);
    expect(within(lineOf("(message deleted)")).queryByRole("button", { name: "Delete" })).toBeNull();
  });
});

describe("line actions", () => {
  it("offers edit and delete on the user's own lines only, as a plain member", () => {
    show(channel([said(1, "mine", "bob"), said(2, "theirs", "ann")]));
    const mine = within(lineOf("mine"));
    expect(mine.getByRole("button", { name: "Edit" })).toBeTruthy();
    expect(mine.getByRole("button", { name: "Delete" })).toBeTruthy();
    const theirs = within(lineOf("theirs"));
    expect(theirs.queryByRole("button", { name: "Edit" })).toBeNull();
    expect(theirs.queryByRole("button", { name: "Delete" })).toBeNull();
    expect(theirs.getByRole("button", { name: "Reply" })).toBeTruthy();
  });

  it("lets operators and admins delete others' lines, but never edit them", () => {
    show(channel([said(1, "theirs", "ann")]), handlers(bob, "operator"));
    expect(within(lineOf("theirs")).getByRole("button", { name: "Delete" })).toBeTruthy();
    expect(within(lineOf("theirs")).queryByRole("button", { name: "Edit" })).toBeNull();
    cleanup();
    show(channel([said(1, "theirs", "ann")]), handlers({ ...bob, isAdmin: true }, "member"));
    expect(within(lineOf("theirs")).getByRole("button", { name: "Delete" })).toBeTruthy();
  });

  it("hands the line to edit, delete and reply", async () => {
    const lines = handlers();
    const { user } = show(channel([said(1, "mine", "bob")]), lines);
    const mine = within(lineOf("mine"));
    await user.click(mine.getByRole("button", { name: "Edit" }));
    await user.click(mine.getByRole("button", { name: "Delete" }));
    await user.click(mine.getByRole("button", { name: "Reply" }));
    expect(lines.onEdit).toHaveBeenCalledWith(expect.objectContaining({ seq: 1 }));
    expect(lines.onDelete).toHaveBeenCalledWith(expect.objectContaining({ seq: 1 }));
    expect(lines.onReply).toHaveBeenCalledWith(expect.objectContaining({ seq: 1 }));
  });
});

describe("replies", () => {
  it("shows who and the first words of the original, and jumps there when clicked", async () => {
    const lines = handlers();
    const reply = said(5, "me too", "bob", {
      replyTo: { seq: 1, author: { id: "ann", name: "ann" }, excerpt: "lunch at noon?", deleted: false, version: 1 },
    });
    const { user } = show(channel([reply]), lines);
    const quote = screen.getByRole("button", { name: /Reply to ann: lunch at noon\?/ });
    expect(quote.textContent).toContain("ann");
    await user.click(quote);
    expect(lines.onJump).toHaveBeenCalledWith(1);
  });

  it("says so when the original was deleted", () => {
    const reply = said(5, "me too", "bob", {
      replyTo: { seq: 1, author: { id: "ann", name: "ann" }, excerpt: "", deleted: true, version: 6 },
    });
    show(channel([reply]));
    expect(screen.getByRole("button", { name: /Reply to ann: \(message deleted\)/ })).toBeTruthy();
  });
});

describe("reactions", () => {
  const reacted = said(1, "ship it", "ann", {
    reactions: [
      {
        emoji: "👍",
        count: 2,
        me: true,
        users: [
          { id: "ann", name: "ann", seq: 2 },
          { id: "bob", name: "bob", seq: 3 },
        ],
      },
      { emoji: "🎉", count: 1, me: false, users: [{ id: "cy", name: "cy", seq: 4 }] },
    ],
  });

  it("shows each emoji with its count, pressed when I reacted, with who in the title; a click toggles mine", async () => {
    const lines = handlers();
    const { user } = show(channel([reacted]), lines);
    const thumbs = screen.getByRole("button", { name: "👍 2, from ann, bob" });
    expect(thumbs.getAttribute("aria-pressed")).toBe("true");
    expect(thumbs.getAttribute("title")).toBe("ann, bob reacted with 👍");
    expect(screen.getByRole("button", { name: "🎉 1, from cy" }).getAttribute("aria-pressed")).toBe("false");
    await user.click(thumbs);
    expect(lines.onReact).toHaveBeenCalledWith(expect.objectContaining({ seq: 1 }), "👍");
  });

  it("offers the recent emoji kept in this browser on the hover bar", async () => {
    localStorage.setItem("canaduck.recentEmoji", JSON.stringify(["🦀", "🔥"]));
    const lines = handlers();
    const { user } = show(channel([said(1, "hello")]), lines);
    const bar = within(lineOf("hello")).getByRole("toolbar", { name: "Message actions" });
    expect(within(bar).getByRole("button", { name: "React with 🦀" })).toBeTruthy();
    await user.click(within(bar).getByRole("button", { name: "React with 🔥" }));
    expect(lines.onReact).toHaveBeenCalledWith(expect.objectContaining({ seq: 1 }), "🔥");
  });

  it("opens the full picker, loaded on demand, and reacts with what is picked", async () => {
    const lines = handlers();
    const { user } = show(channel([said(1, "hello")]), lines);
    await user.click(within(lineOf("hello")).getByRole("button", { name: "Add a reaction" }));
    const picker = await screen.findByRole("dialog", { name: "Pick a reaction" });
    await user.click(await within(picker).findByRole("button", { name: "🦆" }));
    expect(lines.onReact).toHaveBeenCalledWith(expect.objectContaining({ seq: 1 }), "🦆");
    expect(screen.queryByRole("dialog", { name: "Pick a reaction" })).toBeNull();
  });
});

describe("system lines", () => {
  it("reads quit and nick lines as sentences", () => {
    show(
      channel([
        said(1, "", "alice", { kind: "quit", meta: { reason: "gone fishing" } }),
        said(2, "", "al", { kind: "nick", meta: { previousName: "alice" } }),
      ]),
    );
    // The reason is its own element (isolated), so the sentence is read from the whole line.
    const sentence = (_: string, el: Element | null) =>
      el?.tagName === "P" && /alice quit \(gone fishing\)/.test(el.textContent ?? "");
    expect(screen.getByText(sentence)).toBeTruthy();
    expect(screen.getByText(/alice is now known as al/)).toBeTruthy();
  });
});

describe("text that could reorder the line around it", () => {
  // Hebrew ending in a right-to-left mark: shown bare, it would pull the time and marks after it.
  const rtl = "\u05e9\u05dc\u05d5\u05dd \u200f!";

  it("isolates said text, a /me action and a reply's excerpt from the nick and the time", () => {
    show(
      channel([
        said(1, rtl),
        said(2, rtl, "bob", { kind: "action" }),
        said(3, "answer", "carl", {
          replyTo: { seq: 1, author: { id: "ann", name: "ann" }, excerpt: rtl, deleted: false, version: 1 },
        }),
      ]),
    );
    const [block, inline] = screen.getAllByText(rtl, { selector: "p, span" }).map((el) => el.closest(".user-text"));
    expect(block?.getAttribute("dir")).toBe("auto");
    expect(inline?.tagName).toBe("BDI");
    for (const run of [block, inline]) {
      expect(run?.querySelector("time, .author")).toBeNull();
      expect(run?.closest(".msg")?.querySelector(".author")).toBeTruthy();
    }
    expect(screen.getByText(rtl, { selector: ".reply-excerpt" }).tagName).toBe("BDI");
  });

  it("isolates a reason inside the sentence of a system line", () => {
    show(channel([said(1, "", "ann", { kind: "part", meta: { reason: rtl } })]));
    const reason = screen.getByText(rtl, { selector: "bdi" });
    expect(reason.closest(".msg")?.textContent).toMatch(new RegExp(`^←ann left \\(${rtl}\\) \\d`));
  });
});

describe("read markers", () => {
  it("puts a New messages divider before the first line others wrote after the marker", () => {
    show(channel([said(1, "old"), said(2, "new one")]), handlers(), { divider: { afterSeq: 1, myId: "bob" } });
    const divider = screen.getByRole("separator", { name: "New messages" });
    const rows = [...document.querySelectorAll(".row")];
    const at = (el: Element) => rows.findIndex((r) => r.contains(el));
    expect(at(divider)).toBe(at(screen.getByText("new one")) - 1);
    expect(at(divider)).toBeGreaterThan(at(screen.getByText("old")));
  });

  it("marks read when the bottom is in view and the tab is focused, not while it is hidden", () => {
    const hasFocus = vi.spyOn(document, "hasFocus").mockReturnValue(true);
    const onSeen = vi.fn();
    show(channel([said(1, "hello")]), handlers(), { onSeen });
    expect(onSeen).toHaveBeenCalled();
    cleanup();
    hasFocus.mockReturnValue(false);
    const unseen = vi.fn();
    show(channel([said(1, "hello")]), handlers(), { onSeen: unseen });
    expect(unseen).not.toHaveBeenCalled();
    // Coming back to the tab is seeing it.
    hasFocus.mockReturnValue(true);
    window.dispatchEvent(new Event("focus"));
    expect(unseen).toHaveBeenCalled();
    hasFocus.mockRestore();
  });

  it("shows a jump's window with a way back to the newest lines, and marks nothing read there", async () => {
    const hasFocus = vi.spyOn(document, "hasFocus").mockReturnValue(true);
    const onSeen = vi.fn();
    const onCloseWindow = vi.fn();
    const window = { focusSeq: 3, messages: [said(3, "long ago")], hasOlder: true, hasNewer: true };
    const { user } = show(channel([said(90, "newest")], { window }), handlers(), { onSeen, onCloseWindow });
    expect(screen.getByText("long ago")).toBeTruthy();
    expect(screen.queryByText("newest")).toBeNull();
    expect(onSeen).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Back to the newest ↓" }));
    expect(onCloseWindow).toHaveBeenCalled();
    hasFocus.mockRestore();
  });
});
