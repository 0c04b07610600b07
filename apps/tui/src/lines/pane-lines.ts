import type { Message, UserRef } from "@canaduck/contract";
import {
  displayName,
  errorLine,
  hiddenByIgnore,
  visibleLines,
  type ChannelState,
  type Notice,
  type PendingSend,
} from "@canaduck/client";
import { formatDay, formatTime } from "./format-time";
import { formatMessageCached } from "./format-message";
import { layoutPaneLine, type PaneLine } from "./pane-line";
import { sanitize } from "./sanitize";
import type { Row, Segment } from "./segments";

export type OlderState = "idle" | "loading";

export interface PaneInput {
  channel: ChannelState | null;
  /** Notices of the client core; those of other channels are left out here. */
  notices: readonly Notice[];
  /** Notes the view wrote itself (help, refusals, connection changes), filtered the same way. */
  notes: readonly Notice[];
  pending: readonly PendingSend[];
  me: string | null;
  older: OlderState;
  /**
   * The read marker the window had when the user switched to it: a "new messages" divider goes
   * before the first line after it. Null: no divider (nothing was unread then).
   */
  unreadAfter?: number | null;
  /** The key of the line a jump showed: it is marked `▶`. */
  focusKey?: string | null;
  /** /ignore: these users' said lines are not drawn. */
  ignored?: readonly UserRef[];
  /** /clear: lines up to this seq, and notes up to this time, are not drawn. */
  cleared?: { seq: number; at: number } | null;
  /** The user's linkPreviews setting: off, a link's preview title is not drawn under its line. */
  previews?: boolean;
}

const noticeStyle: Record<Notice["kind"], Segment> = {
  info: { text: "-!- ", color: "cyan" },
  error: { text: "-!- ", color: "red", bold: true },
  alert: { text: "-!- ALERT ", color: "yellow", bold: true },
};

const noticeLines = new WeakMap<Notice, PaneLine>();

/** A notice as a pane line, the same object every time, so its wrapped rows are reused. */
function noticeLine(notice: Notice, source: string): PaneLine {
  const cached = noticeLines.get(notice);
  if (cached) return cached;
  const line = formatNotice(notice, source);
  noticeLines.set(notice, line);
  return line;
}

function formatNotice(notice: Notice, source: string): PaneLine {
  return {
    key: `${source}-${notice.id}`,
    at: notice.createdAt,
    head: [{ text: `${formatTime(notice.createdAt)} `, dim: true }, noticeStyle[notice.kind]],
    body: [
      { text: sanitize(notice.text), ...(notice.kind === "error" ? { color: "red" } : {}) },
      // A new token's secret, on a line of its own so it is copied whole from the terminal.
      ...(notice.secret === undefined ? [] : [{ text: `\n${sanitize(notice.secret)}`, bold: true }]),
    ],
  };
}

function pendingLine(send: PendingSend, me: string, at: number): PaneLine {
  const status: Segment =
    send.status === "sending"
      ? { text: "  (sending…)", dim: true }
      : { text: `  (not sent: ${send.error ? errorLine(send.error) : "refused"})`, color: "red" };
  const head: Segment[] = [
    { text: `${formatTime(at)} `, dim: true },
    send.action ? { text: `* ${me} `, dim: true } : { text: `<${me}> `, dim: true },
  ];
  return { key: `pending-${send.clientId}`, at, head, body: [{ text: send.text, dim: true }, status] };
}

/** How to leave a jump's window, said where it is cut off. */
const BACK = "End or Esc returns to the newest lines";

function topLine(channel: ChannelState, older: OlderState): PaneLine {
  const name = displayName(channel.view);
  const beginning = `Beginning of ${channel.view.kind === "direct" ? `your conversation with ${name}` : name}`;
  // A jump's window says only whether it starts at the beginning: PageUp does not page it.
  const text = channel.window
    ? channel.window.hasOlder
      ? `Older lines not shown; ${BACK}`
      : beginning
    : older === "loading"
      ? "Loading older messages…"
      : channel.hasOlder
        ? "PageUp for older messages"
        : beginning;
  return { key: "top", at: 0, head: [{ text: "--- ", dim: true }], body: [{ text, dim: true }] };
}

const welcome: PaneLine = {
  key: "welcome",
  at: 0,
  head: [{ text: "--- ", dim: true }],
  body: [
    {
      text: "You are in no channel yet. /join #name joins one (or creates it), /list shows them all, /msg nick text talks to one person, /help lists every command and key.",
    },
  ],
};

const newerLine: PaneLine = {
  key: "newer",
  at: Number.MAX_SAFE_INTEGER,
  head: [{ text: "--- ", color: "yellow" }],
  body: [{ text: `Newer lines not shown; ${BACK}`, color: "yellow" }],
};

const marked = new WeakMap<PaneLine, PaneLine>();

/** The line a jump showed, with a `▶` before it (the same object each time, so it wraps once). */
function markedLine(line: PaneLine): PaneLine {
  const cached = marked.get(line);
  if (cached) return cached;
  const mark: PaneLine = {
    ...line,
    head: [{ text: "▶ ", color: "yellow", bold: true }, ...line.head.map((s) => ({ ...s, inverse: true }))],
  };
  marked.set(line, mark);
  return mark;
}

/** Before the first line the user had not seen when they opened the window. */
const dividerLine = (at: number): PaneLine => ({
  key: "new-messages",
  at,
  head: [{ text: "── ", color: "red" }],
  body: [{ text: "new messages ──", color: "red" }],
});

/**
 * The divider goes before the first line after the marker that someone else wrote: the user's own
 * lines there (their join line comes right after the marker the server sets on joining) were
 * never news to them.
 */
function withUnreadDivider(
  messages: readonly Message[],
  lines: PaneLine[],
  unreadAfter: number | null | undefined,
  me: string | null,
): PaneLine[] {
  if (unreadAfter === null || unreadAfter === undefined) return lines;
  const index = messages.findIndex((m) => m.seq > unreadAfter && m.author?.name !== me);
  const first = lines[index];
  if (index < 0 || !first) return lines;
  return [...lines.slice(0, index), dividerLine(first.at), ...lines.slice(index)];
}

/** Messages (in seq order) and notices (in time order) as one list, in the order they happened. */
function interleave(messages: PaneLine[], notices: PaneLine[]): PaneLine[] {
  const out: PaneLine[] = [];
  let n = 0;
  for (const message of messages) {
    for (let next = notices[n]; next && next.at < message.at; next = notices[++n]) out.push(next);
    out.push(message);
  }
  return [...out, ...notices.slice(n)];
}

/** When the local day of `at` began and ends (ms since epoch). */
function dayAround(at: number): { start: number; end: number } {
  const start = new Date(at);
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return { start: start.getTime(), end: end.getTime() };
}

/**
 * Marks where the local day changes between two lines. Each line is checked against the bounds
 * of the day before it, not formatted: this runs over every held line on every frame.
 */
function withDayChanges(lines: PaneLine[]): PaneLine[] {
  const out: PaneLine[] = [];
  let day: string | null = null;
  let bounds = { start: 0, end: 0 };
  for (const line of lines) {
    if (day !== null && line.at >= bounds.start && line.at < bounds.end) {
      out.push(line);
      continue;
    }
    const lineDay = formatDay(line.at);
    bounds = dayAround(line.at);
    if (day !== null && lineDay !== day)
      out.push({
        key: `day-${line.key}`,
        at: line.at,
        head: [{ text: "--- ", dim: true }],
        body: [{ text: `Day changed to ${lineDay}`, dim: true }],
      });
    day = lineDay;
    out.push(line);
  }
  return out;
}

/** What the message pane shows for the open channel (or, with none open, the global notices), oldest first. */
export function paneLines(
  {
    channel,
    notices,
    notes,
    pending,
    me,
    older,
    unreadAfter,
    focusKey = null,
    ignored = [],
    cleared = null,
    previews = true,
  }: PaneInput,
  now: number,
): PaneLine[] {
  const here = (n: Notice) =>
    (n.channelId === null || n.channelId === (channel?.view.id ?? null)) &&
    (cleared === null || n.createdAt > cleared.at);
  const own = [
    ...notices.filter(here).map((n) => noticeLine(n, "notice")),
    ...notes.filter(here).map((n) => noticeLine(n, "note")),
  ].sort((a, b) => a.at - b.at);
  const name = channel ? displayName(channel.view) : "";
  // A jump far back shows the window of lines around its target instead of the newest ones.
  const shown = channel
    ? visibleLines(channel).filter((m) => !hiddenByIgnore(ignored, m) && (cleared === null || m.seq > cleared.seq))
    : [];
  const format = (m: Message) => {
    const line = formatMessageCached(m, name, me, previews);
    return line.key === focusKey ? markedLine(line) : line;
  };
  const messages = channel ? withUnreadDivider(shown, shown.map(format), unreadAfter, me) : [];
  const lines = withDayChanges(interleave(messages, own));
  if (channel?.window) return [topLine(channel, older), ...lines, ...(channel.window.hasNewer ? [newerLine] : [])];
  const sends =
    channel && me ? pending.filter((p) => p.channelId === channel.view.id).map((p) => pendingLine(p, me, now)) : [];
  return [channel ? topLine(channel, older) : welcome, ...lines, ...sends];
}

/**
 * The scroll offset (rows up from the newest) that puts the line `key` in the middle of a pane
 * `height` rows high, or null when the line is not among `lines`.
 */
export function scrollToLine(lines: readonly PaneLine[], key: string, width: number, height: number): number | null {
  let total = 0;
  let start = -1;
  let own = 0;
  for (const line of lines) {
    const rows = layoutPaneLine(line, width).length;
    if (line.key === key) {
      start = total;
      own = rows;
    }
    total += rows;
  }
  if (start < 0) return null;
  const below = Math.max(0, Math.floor((height - own) / 2));
  return Math.min(Math.max(0, total - height), Math.max(0, total - start - own - below));
}

/** The pane's lines wrapped to its width. */
export const paneRows = (lines: readonly PaneLine[], width: number): Row[] =>
  lines.flatMap((line) => layoutPaneLine(line, width));
