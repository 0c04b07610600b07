import {
  activeChannel,
  completionCandidates,
  displayName,
  planInput,
  stepConversation,
  typingText,
  type ChatClient,
  type ChatState,
} from "@canaduck/client";
import { Box } from "ink";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { useKeys } from "../hooks/use-keys";
import { useNow } from "../hooks/use-now";
import { useTerminalSize } from "../hooks/use-terminal-size";
import { keyCommands, type KeyCommand } from "../input/key-commands";
import { upToEdit } from "../input/up-to-edit";
import { paneLines, paneRows, scrollToLine } from "../lines/pane-lines";
import { SearchPane } from "../search/search-pane";
import { searchRows, searchWindowName } from "../search/search-rows";
import { atEnd } from "../search/search-state";
import { SEARCH_WINDOW_ID, withSearchWindow } from "../search/search-windows";
import { useSearch } from "../search/use-search";
import { ChannelList } from "./channel-list";
import { gotoTarget } from "./goto-target";
import { hintText } from "./hint";
import { InputLine } from "./input-line";
import { computeLayout } from "./layout";
import { MemberList, memberListTop } from "./member-list";
import { MessagePane } from "./message-pane";
import { RowView } from "./row-view";
import { StatusBar } from "./status-bar";
import { TitleBar, titleText } from "./title-bar";
import { useChatEditor } from "./use-chat-editor";
import { useConnectionNotes, useMembers, useMentionBell } from "./use-chat-effects";
import { useMarkRead, useUnreadDivider } from "./use-read-markers";
import { atTop, initialView, keepsView, viewReducer } from "./view-state";
import { runWindowCommand } from "./run-window-command";
import type { WindowCommand } from "./window-commands";
import { runTerminalCommand } from "./run-terminal-command";
import type { TerminalCommand } from "./terminal-commands";
import { useWindowLog } from "./window-log";
import type { SettingsStore } from "../settings";
import { mostActive, windowNumbered } from "./window-list";
import { usePaste } from "./use-paste";
import { usePinnedNotices } from "./use-pinned-notices";
import { useQuitQuestion } from "./use-quit-question";
import { useWindows } from "./use-windows";

export interface ChatScreenProps {
  client: ChatClient;
  state: ChatState;
  url: string;
  onBell: () => void;
  /** `/quit` (with what was typed) or Ctrl+C (without). */
  onQuit: (line?: string) => void;
  settings: SettingsStore;
}

/** The chat: title, channel list | messages | members, hint, status bar and input line. */
export function ChatScreen({ client, state, url, onBell, onQuit, settings }: ChatScreenProps) {
  const { columns, rows } = useTerminalSize();
  const [view, dispatchView] = useReducer(viewReducer, initialView);
  const [, setRedraws] = useState(0);
  const wins = useWindows(client, state);
  const parted = wins.parted;
  // A window the user was put out of shows its lines as they were; the core has nothing open then.
  const channel = parted?.channel ?? activeChannel(state);
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
  const search = useSearch(client);
  const { results, dispatch: searchDispatch, latest: latestSearch } = search;
  const searchShown = results?.shown ?? false;
  /** Opens a search result: its conversation, with the page around the line loaded, the line marked. */
  const openResult = useCallback(
    async (index: number) => {
      const shown = latestSearch();
      const hit = shown?.hits[index];
      if (!shown || !hit) {
        const count = shown?.hits.length ?? 0;
        const text = count === 0 ? "There are no results to open." : `There is no result ${index + 1}: 1 to ${count}.`;
        return void searchDispatch({ type: "hint", text });
      }
      searchDispatch({ type: "hide" });
      const { channelId, seq } = hit.message;
      if (!(channelId in client.getState().channels)) return note("info", `You are no longer in ${hit.target}.`);
      if (client.getState().activeId !== channelId) client.select(channelId);
      const found = await client.jumpTo(channelId, seq);
      if (!found) return note("info", "That line is no longer there.");
      if (client.getState().activeId === channelId) dispatchView({ type: "jumped", channelId, key: found.id });
    },
    [client, note, searchDispatch, latestSearch],
  );
  /** `/goto [n]`: shows the line a reply answers, loading the history around it, and marks it. */
  const goto = useCallback(
    async (line?: number) => {
      // In the results window, /goto n opens result n (without n, the selected one).
      const shown = latestSearch();
      if (shown?.shown) return openResult(line === undefined ? shown.selected : line - 1);
      const target = gotoTarget(activeChannel(client.getState()), line);
      if (!target.ok) return note("info", target.hint);
      const found = await client.jumpTo(target.channelId, target.seq);
      if (!found) return note("info", "The line that reply answers is no longer there.");
      if (client.getState().activeId === target.channelId)
        dispatchView({ type: "jumped", channelId: target.channelId, key: found.id });
    },
    [client, note, latestSearch, openResult],
  );
  // The results window waits in the list while another conversation is shown.
  useEffect(() => {
    searchDispatch({ type: "hide" });
  }, [searchDispatch, channelId]);
  // A jump's window belongs to the visit: leaving the conversation closes it.
  useEffect(
    () => () => {
      if (channelId !== null && client.getState().channels[channelId]?.window) client.closeWindow(channelId);
    },
    [client, channelId],
  );
  const searching = useCallback(() => latestSearch()?.shown ?? false, [latestSearch]);
  const windowCommandRef = useRef<(command: WindowCommand) => void>(() => undefined);
  const onWindowCommand = useCallback((command: WindowCommand) => windowCommandRef.current(command), []);
  const [, setSettingsSeen] = useState(0);
  const onTerminalCommand = useCallback(
    (command: TerminalCommand) =>
      runTerminalCommand(command, {
        client,
        note,
        settings,
        clear: (id, seq) => dispatchView({ type: "clear", channelId: id, seq, now: Date.now() }),
        changed: () => setSettingsSeen((n) => n + 1),
      }),
    [client, note, settings],
  );
  const aliases = useCallback(() => settings.get().aliases, [settings]);
  useWindowLog(state, url, settings.get().log === true ? settings.logsRoot : null);
  const { editor, edit, submit, current, runLine } = useChatEditor(
    client,
    note,
    onQuit,
    goto,
    search.start,
    searching,
    onWindowCommand,
    onTerminalCommand,
    aliases,
  );
  // Lines arriving behind the results window are not seen yet: they are marked read on coming back.
  useMarkRead(client, searchShown ? null : channel, state.status);
  const unreadAfter = useUnreadDivider(channel);

  const conversations = wins.windows;
  const windows = useMemo(() => withSearchWindow(conversations, results), [conversations, results]);
  const typingSoon = channel !== null && Object.keys(channel.typing).length > 0;
  const now = useNow(1_000, typingSoon || state.pending.length > 0);
  const [memberTop, setMemberTop] = useState(0);
  const paste = usePaste(client, note, edit, current, returnToNewest);
  const quitQuestion = useQuitQuestion(
    () => current().value.trim() !== "" || client.getState().pending.some((p) => p.status === "sending"),
    onQuit,
  );
  const hint = paste.question ?? quitQuestion.question ?? hintText(editor);
  const longestName = Math.max(0, ...windows.map((w) => w.name.length + (w.kind === "direct" ? 1 : 0)));
  const layout = computeLayout(columns, rows, {
    showMembers: view.showMembers,
    hint: hint !== null,
    longestName,
    hasMembers: !searchShown && parted === null && channel?.view.kind === "channel",
  });
  const searchView = useMemo(
    () => (results ? searchRows(results, layout.paneWidth, layout.paneHeight, now) : null),
    [results, layout.paneWidth, layout.paneHeight, now],
  );

  const me = state.me?.name ?? null;
  const shownNow = searchShown ? SEARCH_WINDOW_ID : channelId;
  const notices = usePinnedNotices(state.notices, shownNow);
  const notes = usePinnedNotices(view.notes, shownNow);
  const partedNote = useMemo(
    () =>
      parted && {
        id: 0,
        kind: "info" as const,
        text: parted.why,
        channelId: parted.channel.view.id,
        createdAt: Date.parse(parted.channel.messages.at(-1)?.createdAt ?? "") || 0,
      },
    [parted],
  );
  const focus = view.focus?.channelId === channelId ? view.focus : null;
  const focusKey = focus?.key ?? null;
  const lines = useMemo(
    // Administrators' alerts are kept apart by the client core; here they are lines like any notice.
    () =>
      paneLines(
        {
          channel,
          notices: [...notices, ...state.alerts],
          notes: partedNote ? [...notes, partedNote] : notes,
          pending: state.pending,
          me,
          older: view.older,
          unreadAfter,
          focusKey,
          ignored: state.ignored,
          cleared: channelId === null ? null : (view.cleared[channelId] ?? null),
          previews: state.settings.linkPreviews,
        },
        now,
      ),
    [
      channel,
      notices,
      state.alerts,
      notes,
      partedNote,
      state.pending,
      me,
      view.older,
      unreadAfter,
      focusKey,
      now,
      state.ignored,
      view.cleared,
      channelId,
      state.settings.linkPreviews,
    ],
  );
  const allRows = useMemo(() => paneRows(lines, layout.paneWidth), [lines, layout.paneWidth]);
  const total = allRows.length;

  // Keep what is being read in place: a switch of window starts at the newest line, and new
  // lines arriving below a scrolled-up view push the scroll offset up by as many rows.
  const lastKey = lines[lines.length - 1]?.key ?? null;
  const [tracked, setTracked] = useState({ channelId, lastKey, total });
  if (tracked.channelId !== channelId || tracked.lastKey !== lastKey || tracked.total !== total) {
    setTracked({ channelId, lastKey, total });
    if (tracked.channelId !== channelId) {
      dispatchView({ type: "switched", channelId });
      setMemberTop(0);
    } else if (tracked.lastKey !== lastKey && total > tracked.total)
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

  /** The keys of the results window: ↑/↓ and Enter on an empty input line, PageUp/PageDown, Esc. */
  const runInSearch = (command: KeyCommand): boolean => {
    const shown = latestSearch();
    if (!shown?.shown || !searchView) return false;
    const { layout } = searchView;
    const empty = current().value === "";
    if (command.type === "edit" && empty && command.action.type === "history-previous")
      searchDispatch({ type: "move", by: -1, layout });
    else if (command.type === "edit" && empty && command.action.type === "history-next") {
      if (atEnd(shown, layout, "down")) search.more();
      searchDispatch({ type: "move", by: 1, layout });
    } else if (command.type === "submit" && empty) void openResult(shown.selected);
    else if (command.type === "scroll") {
      if (command.direction === "down" && atEnd(shown, layout, "page-down")) search.more();
      searchDispatch({ type: "scroll", direction: command.direction, layout });
    } else if (command.type === "newest") searchDispatch({ type: "close" });
    else return false;
    return true;
  };

  const shownId = searchShown ? SEARCH_WINDOW_ID : channelId;

  const run = (command: KeyCommand) => {
    if (paste.answer(command) || quitQuestion.onKey(command)) return;
    if (runInSearch(command)) return;
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
        // A command that is not the results window's shows the conversation, where its answer appears.
        if (searchShown && !inSearchWindow(current().value)) searchDispatch({ type: "hide" });
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
            ? windowNumbered(windows, command.to)
            : command.to === "active"
              ? mostActive(windows, shownId)
              : stepConversation(windows, shownId, command.to === "next" ? 1 : -1);
        return showWindow(id);
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
      case "scroll-members": {
        const count = channel?.members?.length ?? 0;
        const height = layout.paneHeight;
        const step = Math.max(1, Math.floor(height / 2)) * (command.direction === "up" ? -1 : 1);
        // From the latest offset: several presses may arrive before the next render.
        return setMemberTop((top) => memberListTop(memberListTop(top, count, height) + step, count, height));
      }
      case "toggle-members":
        return dispatchView({ type: "toggle-members", shownNow: view.showMembers ?? layout.membersWidth > 0 });
      case "redraw":
        return setRedraws((n) => n + 1);
      case "run":
        // A bound key runs its line as typed, leaving what is being typed in the prompt.
        return void runLine(command.line);
    }
  };
  /** Shows the window `id`: the results, a parted window, or a conversation. */
  const showWindow = (id: string | null) => {
    if (id === SEARCH_WINDOW_ID) return searchDispatch({ type: "show" });
    if (searchShown) searchDispatch({ type: "hide" });
    if (id !== null && id !== channelId) wins.show(id);
  };
  windowCommandRef.current = (command: WindowCommand) =>
    runWindowCommand(command, {
      client,
      note,
      windows,
      shownId,
      channel,
      parted: parted !== null,
      show: showWindow,
      closeSearch: () => searchDispatch({ type: "close" }),
      move: wins.move,
      forget: wins.close,
    });
  useKeys((input, key, raw) => {
    if (paste.take(raw)) return;
    for (const command of keyCommands(input, key, raw, settings.get().keys)) run(command);
  });

  const shownName = searchShown && results ? searchWindowName(results) : channel ? displayName(channel.view) : null;
  const prompt = searchShown
    ? "[search] "
    : channel
      ? `[${displayName(channel.view)}${parted ? " (parted)" : ""}] `
      : "> ";
  const where = shownName === null ? null : `${windows.find((w) => w.id === shownId)?.number ?? "?"}:${shownName}`;
  return (
    <Box flexDirection="column" width={columns} height={rows}>
      <TitleBar text={searchShown && shownName ? shownName : titleText(channel, url)} width={columns} />
      <Box height={layout.paneHeight}>
        {layout.sidebarWidth > 0 ? (
          <ChannelList windows={windows} activeId={shownId} width={layout.sidebarWidth} height={layout.paneHeight} />
        ) : null}
        {searchShown && results && searchView ? (
          <SearchPane rows={searchView.rows} top={results.top} width={layout.paneWidth} height={layout.paneHeight} />
        ) : (
          <MessagePane rows={visible} width={layout.paneWidth} height={layout.paneHeight} />
        )}
        {layout.membersWidth > 0 ? (
          <MemberList
            members={channel?.members ?? null}
            width={layout.membersWidth}
            height={layout.paneHeight}
            top={memberTop}
          />
        ) : null}
      </Box>
      {hint !== null ? <RowView row={[{ text: hint, color: "cyan" }]} /> : null}
      <StatusBar
        status={state.status}
        nick={me ?? "?"}
        where={where}
        typing={typingText(channel?.typing ?? {}, now)}
        scrolled={searchShown ? 0 : scroll}
        jumped={!searchShown && (focus !== null || (channel?.window ?? null) !== null)}
        width={columns}
      />
      <InputLine prompt={prompt} value={editor.value} cursor={editor.cursor} width={columns} />
    </Box>
  );
}

/** What the results window answers itself: a new search, /goto n, or words without a slash (searched). */
function inSearchWindow(text: string): boolean {
  const plan = planInput(text);
  return !text.startsWith("/") || plan.kind === "goto" || (plan.kind === "event" && plan.command.name === "search");
}
