import { hiddenByIgnore, type ChannelState, type PendingSend } from "@canaduck/client";
import type { UserRef } from "@canaduck/contract";
import { useVirtualizer, type Virtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { RowBuilder, type UnreadDivider } from "../lib/message-rows";
import { MessageRow, type LineContext, type ListRow, type RowHandlers } from "./message-row";
import { useKeptPosition, useKeptScroll } from "./use-kept-scroll";
import { useMarkRead } from "./use-mark-read";

/** A request to bring a line into view and highlight it; a new object each time, so the same line can be asked again. */
export interface LineFocus {
  seq: number;
}

interface MessageListProps extends RowHandlers {
  channel: ChannelState;
  name: string;
  pending: readonly PendingSend[];
  myName: string;
  myId: string;
  /** Loads the page before the oldest loaded line. */
  onLoadOlder: () => Promise<boolean>;
  /** The actions lines offer (edit, delete, reply, react); absent: lines only show. */
  lines?: LineContext | null;
  /** Where the "New messages" divider goes, fixed when the conversation was opened. */
  divider?: UnreadDivider | null;
  /** The newest lines are in front of the user: move the read marker. */
  onSeen?: () => void;
  /** A jump's target to scroll to and highlight. */
  focus?: LineFocus | null;
  /** Leaves a jump's window of older lines. */
  onCloseWindow?: () => void;
  /** /ignore: these users' said lines are not shown (the list is the server's, the same on every device). */
  ignored?: readonly UserRef[];
}

const noneIgnored: readonly UserRef[] = [];

/** How long a line a jump landed on stays highlighted. */
const HIGHLIGHT_MS = 2_500;
const noop = () => undefined;

/** Older history is asked for when the reader is this close to the top. */
const LOAD_OLDER_PX = 600;

/**
 * A row's height as the ResizeObserver reports it, after the browser's own layout of the frame.
 * The library's default reads offsetHeight as each new row mounts, which forces a layout per row
 * (rows shift between reads): scrolling fast mounts a screenful of rows every frame. Until the
 * report comes, a row keeps its last known height, or its estimate.
 */
const measureRow = (
  element: Element,
  entry: ResizeObserverEntry | undefined,
  list: Virtualizer<HTMLDivElement, Element>,
) => {
  const box = entry?.borderBoxSize[0];
  if (box) return Math.round(box.blockSize);
  const index = list.indexFromElement(element);
  return list.itemSizeCache.get(list.options.getItemKey(index)) ?? list.options.estimateSize(index);
};

const estimate = (row: ListRow | undefined) => {
  if (!row) return 40;
  if (row.kind === "day") return 40;
  if (row.kind === "start") return 88;
  if (row.kind === "message") return row.continued || row.message.kind !== "text" ? 26 : 52;
  return 52;
};

/**
 * The conversation, newest at the bottom. Only the rows in view are rendered, so a channel of
 * ten thousand lines scrolls as smoothly as one of ten. Reading at the bottom follows new
 * lines; scrolled up, the view stays put, offers a way back, and loads older pages near the top.
 */
export function MessageList({
  channel,
  name,
  pending,
  myName,
  myId,
  onLoadOlder,
  onAuthor,
  onRetry,
  onDiscard,
  lines = null,
  divider = null,
  onSeen = noop,
  focus = null,
  onCloseWindow,
  ignored = noneIgnored,
}: MessageListProps) {
  // A jump far back shows a window of lines around its target instead of the newest ones.
  const inWindow = channel.window !== null;
  const held = channel.window?.messages ?? channel.messages;
  const messages = useMemo(
    () => (ignored.length === 0 ? held : held.filter((m) => !hiddenByIgnore(ignored, m))),
    [held, ignored],
  );
  const hasOlder = channel.window?.hasOlder ?? channel.hasOlder;
  const start = useMemo<ListRow>(() => ({ kind: "start", key: "start", name }), [name]);
  const [rowBuilder] = useState(() => new RowBuilder());
  const rows = useMemo<ListRow[]>(() => {
    const built: ListRow[] = rowBuilder.build(messages, inWindow ? [] : pending, new Date(), divider);
    return hasOlder ? built : [start, ...built];
  }, [rowBuilder, messages, pending, hasOlder, start, divider, inWindow]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const loading = useRef(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [awayFromSeq, setAwayFromSeq] = useState<number | null>(null);

  const keptPosition = useKeptPosition(channel.view.id, !inWindow);
  const virtualizer = useVirtualizer({
    count: rows.length,
    ...(keptPosition && { initialOffset: keptPosition.offset, initialMeasurementsCache: keptPosition.measurements }),
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => estimate(rows[i]),
    measureElement: measureRow,
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: 10,
    anchorTo: "end",
    followOnAppend: true,
  });

  // Pinned to the newest line until the reader scrolls away: whatever arrives (the first page,
  // a page of history landing before a live line, rows growing as they are measured) keeps the
  // bottom in view. Runs after the virtualizer's own scroll adjustments in the same commit.
  const pinned = useRef(!inWindow);
  const [atBottom, setAtBottom] = useState(!inWindow);
  const totalSize = virtualizer.getTotalSize();
  // Leaving a window goes back to the newest lines, pinned to the bottom; entering one unpins.
  // Declared before the pinning effect so it sees the new pin in the same commit.
  useLayoutEffect(() => {
    pinned.current = !inWindow;
    setAtBottom(!inWindow);
  }, [inWindow]);
  const newestSeq = messages.at(-1)?.seq ?? 0;
  const restore = useCallback(() => {
    pinned.current = false;
    setAtBottom(false);
    setAwayFromSeq(newestSeq);
  }, [newestSeq]);
  const keepPosition = useKeptScroll({
    channelId: channel.view.id,
    position: keptPosition,
    virtualizer,
    scrollRef,
    enabled: !inWindow,
    onRestore: restore,
  });
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && pinned.current && rows.length > 0) el.scrollTop = el.scrollHeight;
  }, [rows, totalSize]);

  useMarkRead(atBottom && !inWindow, newestSeq, onSeen);

  // A jump: once its line is among the rows, scroll it to the middle and highlight it a moment.
  const [highlightSeq, setHighlightSeq] = useState<number | null>(null);
  const handledFocus = useRef<LineFocus | null>(null);
  useEffect(() => {
    if (!focus || handledFocus.current === focus) return;
    const index = rows.findIndex((r) => r.kind === "message" && r.message.seq === focus.seq);
    if (index === -1) return;
    handledFocus.current = focus;
    pinned.current = false;
    setAtBottom(false);
    virtualizer.scrollToIndex(index, { align: "center" });
    setHighlightSeq(focus.seq);
  }, [focus, rows, virtualizer]);
  useEffect(() => {
    if (highlightSeq === null) return;
    const timer = setTimeout(() => setHighlightSeq(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlightSeq]);

  const loadOlder = useCallback(() => {
    if (loading.current || !hasOlder || inWindow) return;
    loading.current = true;
    setLoadingOlder(true);
    void onLoadOlder().finally(() => {
      loading.current = false;
      setLoadingOlder(false);
    });
  }, [hasOlder, onLoadOlder, inWindow]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    const atEnd = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
    setAtBottom(atEnd);
    // In a window the bottom is not the newest line: nothing follows it and nothing is marked read.
    if (inWindow) return;
    pinned.current = atEnd;
    keepPosition(atEnd);
    setAwayFromSeq((away) => (atEnd ? null : (away ?? newestSeq)));
    if (!atEnd && el.scrollTop < LOAD_OLDER_PX) loadOlder();
  };

  // After a page arrives, keep going while the reader is still near the top; and a first page
  // too short to scroll cannot be scrolled up, so fetch more until it fills the view.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || rows.length === 0 || !hasOlder || loadingOlder) return;
    const short = el.scrollHeight - el.clientHeight < LOAD_OLDER_PX;
    if (short || (!pinned.current && el.scrollTop < LOAD_OLDER_PX)) loadOlder();
  }, [rows.length, hasOlder, loadOlder, loadingOlder]);

  const unseen = awayFromSeq === null ? 0 : countAfter(messages, awayFromSeq);
  const jump = () => {
    pinned.current = true;
    virtualizer.scrollToEnd();
    setAwayFromSeq(null);
  };

  return (
    <div className="message-area">
      {inWindow && (
        <div className="window-bar" role="status">
          <span>You are viewing older messages.</span>
          <button type="button" className="button subtle" onClick={onCloseWindow}>
            Back to the newest ↓
          </button>
        </div>
      )}
      {loadingOlder && (
        <p className="loading-older" role="status">
          Loading older messages…
        </p>
      )}
      <div
        ref={scrollRef}
        className="message-scroll"
        onScroll={onScroll}
        tabIndex={0}
        role="log"
        aria-label={`Messages in ${name}`}
      >
        <div className="message-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="row"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <MessageRow
                  row={row}
                  myName={myName}
                  myId={myId}
                  onAuthor={onAuthor}
                  onRetry={onRetry}
                  onDiscard={onDiscard}
                  lines={lines}
                  highlighted={row.kind === "message" && row.message.seq === highlightSeq}
                />
              </div>
            );
          })}
        </div>
      </div>
      {awayFromSeq !== null && !inWindow && (
        <button type="button" className="jump-latest" onClick={jump}>
          {unseen > 0 ? `${unseen} new message${unseen === 1 ? "" : "s"} · ` : ""}Jump to latest ↓
        </button>
      )}
    </div>
  );
}

function countAfter(messages: ChannelState["messages"], seq: number): number {
  let n = 0;
  for (let i = messages.length - 1; i >= 0 && (messages[i]?.seq ?? 0) > seq; i -= 1) {
    if (messages[i]?.kind === "text" || messages[i]?.kind === "action") n += 1;
  }
  return n;
}
