import {
  activeChannel,
  completionCandidates,
  conversationList,
  conversationNumbered,
  displayName,
  stepConversation,
  typingText,
  type ChatClient,
  type ChatState,
} from "@canaduck/client";
import { Box } from "ink";
import { useCallback, useEffect, useMemo, useReducer, useState } from "react";
import { useKeys } from "../hooks/use-keys";
import { useNow } from "../hooks/use-now";
import { useTerminalSize } from "../hooks/use-terminal-size";
import { keyCommands, type KeyCommand } from "../input/key-commands";
import { upToEdit } from "../input/up-to-edit";
import { paneLines, paneRows, scrollToLine } from "../lines/pane-lines";
import { ChannelList } from "./channel-list";
import { gotoTarget } from "./goto-target";
import { hintText } from "./hint";
import { InputLine } from "./input-line";
import { computeLayout } from "./layout";
import { MemberList } from "./member-list";
import { MessagePane } from "./message-pane";
import { RowView } from "./row-view";
import { StatusBar } from "./status-bar";
import { TitleBar, titleText } from "./title-bar";
import { useChatEditor } from "./use-chat-editor";
import { useConnectionNotes, useMembers, useMentionBell } from "./use-chat-effects";
import { useMarkRead, useUnreadDivider } from "./use-read-markers";
import { atTop, initialView, keepsView, viewReducer } from "./view-state";

export interface ChatScreenProps {
  client: ChatClient;
  state: ChatState;
  url: string;
  onBell: () => void;
  /** `/quit` (with what was typed) or Ctrl+C (without). */
  onQuit: (line?: string) => void;
}

/** The chat: title, channel list | messages | members, hint, status bar and input line. */
export function ChatScreen({ client, state, url, onBell, onQuit }: ChatScreenProps) {
  const { columns, rows } = useTerminalSize();
  const [view, dispatchView] = useReducer(viewReducer, initialView);
  const [, setRedraws] = useState(0);
  const channel = activeChannel(state);
  const channelId = channel?.view.id ?? null;

  const note = useCallback(
    (kind: "info" | "error", text: string, here = true) =>
      dispatchView({
        type: "note",
        kind,
        text,
        channelId: here ? (client.getState().activeId ?? null) : null,
        now: Date.now(),
      }),
    [client],
  );
  const connectionNote = useCallback((kind: "info" | "error", text: string) => note(kind, text, false), [note]);
  useMentionBell(state, onBell);
  useConnectionNotes(state.status, connectionNote);
  useMembers(client, state);
  /** Leaves a scroll or a jump: the pane follows the newest lines again. */
  const returnToNewest = useCallback(() => {
    dispatchView({ type: "reset-scroll" });
    const id = client.getState().activeId;
    if (id !== null && client.getState().channels[id]?.window) client.closeWindow(id);
  }, [client]);
  /** `/goto [n]`: shows the line a reply answers, loading the history around it, and marks it. */
  const goto = useCallback(
    async (line?: number) => {
      const target = gotoTarget(activeChannel(client.getState()), line);
      if (!target.ok) return note("info", target.hint);
      const found = await client.jumpTo(target.channelId, target.seq);
      if (!found) return note("info", "The line that reply answers is no longer there.");
      if (client.getState().activeId === target.channelId)
        dispatchView({ type: "jumped", channelId: target.channelId, key: found.id });
    },
    [client, note],
  );
  // A jump's window belongs to the visit: leaving the conversation closes it.
  useEffect(
    () => () => {
      if (channelId !== null && client.getState().channels[channelId]?.window) client.closeWindow(channelId);
    },
    [client, channelId],
  );
  const { editor, edit, submit, current } = useChatEditor(client, note, onQuit, goto);
  useMarkRead(client, channel, state.status);
  const unreadAfter = useUnreadDivider(channel);

  const windows = useMemo(() => conversationList(state), [state]);
  const typingSoon = channel !== null && Object.keys(channel.typing).length > 0;
  const now = useNow(1_000, typingSoon || state.pending.length > 0);
  const hint = hintText(editor);
  const longestName = Math.max(0, ...windows.map((w) => w.name.length + (w.kind === "direct" ? 1 : 0)));
  const layout = computeLayout(columns, rows, {
    showMembers: view.showMembers,
    hint: hint !== null,
    longestName,
    hasMembers: channel?.view.kind === "channel",
  });

  const me = state.me?.name ?? null;
  const focus = view.focus?.channelId === channelId ? view.focus : null;
  const focusKey = focus?.key ?? null;
  const lines = useMemo(
    // Administrators' alerts are kept apart by the client core; here they are lines like any notice.
    () =>
      paneLines(
        {
          channel,
          notices: [...state.notices, ...state.alerts],
          notes: view.notes,
          pending: state.pending,
          me,
          older: view.older,
          unreadAfter,
          focusKey,
        },
        now,
      ),
    [channel, state.notices, state.alerts, view.notes, state.pending, me, view.older, unreadAfter, focusKey, now],
  );
  const allRows = useMemo(() => paneRows(lines, layout.paneWidth), [lines, layout.paneWidth]);
  const total = allRows.length;

  // Keep what is being read in place: a switch of window starts at the newest line, and new
  // lines arriving below a scrolled-up view push the scroll offset up by as many rows.
  const lastKey = lines[lines.length - 1]?.key ?? null;
  const [tracked, setTracked] = useState({ channelId, lastKey, total });
  if (tracked.channelId !== channelId || tracked.lastKey !== lastKey || tracked.total !== total) {
    setTracked({ channelId, lastKey, total });
    if (tracked.channelId !== channelId) dispatchView({ type: "reset-scroll" });
    else if (tracked.lastKey !== lastKey && total > tracked.total)
      dispatchView({ type: "grew", rows: total - tracked.total });
  }
  // A jump's line, once laid out, is scrolled to the middle of the pane.
  if (focus && !focus.placed) {
    const placed = scrollToLine(lines, focus.key, layout.paneWidth, layout.paneHeight);
    if (placed !== null) dispatchView({ type: "placed", scroll: placed });
  }
  const scroll = Math.min(view.scroll, Math.max(0, total - layout.paneHeight));
  const visible = allRows.slice(Math.max(0, total - layout.paneHeight - scroll), total - scroll);

  const loadOlder = useCallback(
    async (id: string) => {
      dispatchView({ type: "older", state: "loading" });
      try {
        await client.loadOlder(id);
      } finally {
        dispatchView({ type: "older", state: "idle" });
      }
    },
    [client],
  );

  const run = (command: KeyCommand) => {
    switch (command.type) {
      case "edit": {
        const editLast =
          command.action.type === "history-previous"
            ? upToEdit(current(), activeChannel(client.getState()), client.getState().me?.id)
            : null;
        return edit(editLast === null ? command.action : { type: "insert", text: editLast });
      }
      case "complete": {
        const latest = client.getState();
        return edit({
          type: "complete",
          candidates: completionCandidates(latest, latest.activeId),
          backwards: command.backwards,
        });
      }
      case "submit":
        // What you send is what you want to see: back to the newest line (a command about the
        // lines shown keeps them, since it counts from their bottom).
        if (!keepsView(current().value, activeChannel(client.getState())?.target)) returnToNewest();
        return submit();
      case "end": {
        const { value, cursor } = current();
        return cursor < value.length ? edit({ type: "end" }) : returnToNewest();
      }
      case "newest":
        return returnToNewest();
      case "quit":
        return onQuit();
      case "switch": {
        const id =
          typeof command.to === "number"
            ? conversationNumbered(windows, command.to)
            : stepConversation(windows, channelId, command.to === "next" ? 1 : -1);
        if (id !== null && id !== channelId) client.select(id);
        return;
      }
      case "scroll": {
        dispatchView({ type: "scroll", direction: command.direction, page: layout.paneHeight, total });
        const step = Math.max(1, layout.paneHeight - 1);
        const next = command.direction === "up" ? scroll + step : scroll - step;
        if (
          command.direction === "up" &&
          channel?.hasOlder &&
          channel.window === null &&
          view.older === "idle" &&
          atTop(next, total, layout.paneHeight)
        )
          void loadOlder(channel.view.id);
        return;
      }
      case "toggle-members":
        return dispatchView({ type: "toggle-members", shownNow: view.showMembers ?? layout.membersWidth > 0 });
      case "redraw":
        return setRedraws((n) => n + 1);
    }
  };
  useKeys((input, key) => {
    for (const command of keyCommands(input, key)) run(command);
  });

  const prompt = channel ? `[${displayName(channel.view)}] ` : "> ";
  const where = channel
    ? `${windows.find((w) => w.id === channelId)?.number ?? "?"}:${displayName(channel.view)}`
    : null;
  return (
    <Box flexDirection="column" width={columns} height={rows}>
      <TitleBar text={titleText(channel, url)} width={columns} />
      <Box height={layout.paneHeight}>
        {layout.sidebarWidth > 0 ? (
          <ChannelList windows={windows} activeId={channelId} width={layout.sidebarWidth} height={layout.paneHeight} />
        ) : null}
        <MessagePane rows={visible} width={layout.paneWidth} height={layout.paneHeight} />
        {layout.membersWidth > 0 ? (
          <MemberList members={channel?.members ?? null} width={layout.membersWidth} height={layout.paneHeight} />
        ) : null}
      </Box>
      {hint !== null ? <RowView row={[{ text: hint, color: "cyan" }]} /> : null}
      <StatusBar
        status={state.status}
        nick={me ?? "?"}
        where={where}
        typing={typingText(channel?.typing ?? {}, now)}
        scrolled={scroll}
        jumped={focus !== null || (channel?.window ?? null) !== null}
        width={columns}
      />
      <InputLine prompt={prompt} value={editor.value} cursor={editor.cursor} width={columns} />
    </Box>
  );
}
