import { activeChannel, displayName, signalsTyping } from "@canaduck/client";
import { replyExcerpt, type HelpEntry, type Message } from "@canaduck/contract";
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from "react";
import { useChat, useChatState } from "../lib/chat-context";
import type { ChatActions } from "../lib/chat-actions";
import { ChannelHeader } from "./channel-header";
import { ChannelSettingsDialog, moderates } from "./channel-settings-dialog";
import { ChannelNotices } from "./channel-notices";
import { lastEditable } from "../lib/line-permissions";
import { rememberEmoji } from "../lib/recent-emoji";
import { Composer, type ComposerMode } from "./composer";
import { DeleteDialog } from "./delete-dialog";
import { HelpPanel, useHelpEntries } from "./help-panel";
import { MessageList, type LineFocus } from "./message-list";
import type { LineContext } from "./message-row";
import { TypingIndicator } from "./typing-indicator";
import { useCandidates } from "./use-candidates";
import { useRunInput } from "./use-run-input";
import { UploadList } from "./upload-list";
import { useUploads } from "./use-uploads";

interface ChannelViewProps {
  composerRef: RefObject<HTMLTextAreaElement | null>;
  onMenu: () => void;
  actions: ChatActions;
  membersOpen: boolean;
  onToggleMembers: () => void;
  /** A line to open from outside the conversation (a search result): a new object each time. */
  jump?: LineJump | null;
}

/** Asks the view of `channelId` to load the line `seq` with its neighbours and mark it, as a reply's jump does. */
export interface LineJump {
  channelId: string;
  seq: number;
}

/** The open channel or direct conversation: its header, its lines, who is typing, and the composer. */
export function ChannelView({
  composerRef,
  onMenu,
  actions,
  membersOpen,
  onToggleMembers,
  jump = null,
}: ChannelViewProps) {
  const { client } = useChat();
  const channel = useChatState(activeChannel);
  const allPending = useChatState((s) => s.pending);
  const me = useChatState((s) => s.me);
  const ignored = useChatState((s) => s.ignored);
  const typingNotices = useChatState((s) => s.settings.typingNotices);
  const channelId = channel?.view.id ?? null;
  const pending = useMemo(() => allPending.filter((p) => p.channelId === channelId), [allPending, channelId]);
  const candidates = useCandidates(channelId);
  const target = channel?.target ?? "";
  const [help, setHelp] = useState<HelpEntry[] | null>(null);
  const entriesFor = useHelpEntries();
  const onHelp = useCallback(
    (command?: string) => {
      const entries = entriesFor(command);
      if (entries !== null) setHelp(entries);
      return entries !== null;
    },
    [entriesFor],
  );
  const run = useRunInput({ actions, target, onHelp });
  const uploads = useUploads(target);
  const [dropping, setDropping] = useState(false);
  const loadOlder = useCallback(
    () => (channelId ? client.loadOlder(channelId) : Promise.resolve(false)),
    [client, channelId],
  );
  const onTyping = useCallback(
    (text: string) => {
      if (signalsTyping(text)) client.typing(target);
      else client.stopTyping();
    },
    [client, target],
  );
  const onRetry = useCallback((id: string) => client.retryPending(id), [client]);
  const onDiscard = useCallback((id: string) => client.discardPending(id), [client]);

  const [mode, setMode] = useState<ComposerMode | null>(null);
  const [deleting, setDeleting] = useState<Message | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [focus, setFocus] = useState<LineFocus | null>(null);
  const [jumpMissed, setJumpMissed] = useState(false);
  // "No longer there" is an answer to a click, not a standing notice.
  useEffect(() => {
    if (!jumpMissed) return;
    const timer = setTimeout(() => setJumpMissed(false), 5_000);
    return () => clearTimeout(timer);
  }, [jumpMissed]);
  // The marker as it was when the conversation was opened: the divider stays there while it is
  // open, even as reading moves the marker on (this view is mounted afresh for each conversation).
  const [openedAtReadSeq] = useState(() => channel?.readSeq ?? 0);
  const divider = useMemo(() => (me ? { afterSeq: openedAtReadSeq, myId: me.id } : null), [openedAtReadSeq, me]);

  const jumpTo = useCallback(
    (seq: number) => {
      if (channelId === null) return;
      setJumpMissed(false);
      void client.jumpTo(channelId, seq).then((found) => {
        if (found) setFocus({ seq });
        else setJumpMissed(true);
      });
    },
    [client, channelId],
  );
  const handledJump = useRef<LineJump | null>(null);
  useEffect(() => {
    if (!jump || jump === handledJump.current || jump.channelId !== channelId) return;
    handledJump.current = jump;
    jumpTo(jump.seq);
  }, [jump, channelId, jumpTo]);

  // A direct conversation's header says whether the other person is online or away; read again on reconnecting.
  const online = useChatState((s) => s.status === "online");
  const direct = channel?.view.kind === "direct";
  useEffect(() => {
    if (direct && online && channelId !== null) void client.loadMembers(channelId);
  }, [client, direct, online, channelId]);

  const view = channel?.view;
  const lines = useMemo<LineContext | null>(() => {
    if (!me || !view || channelId === null) return null;
    return {
      me,
      view,
      onEdit: (m) => setMode({ kind: "edit", seq: m.seq, text: m.text }),
      onDelete: (m) => setDeleting(m),
      onReply: (m) =>
        setMode({ kind: "reply", seq: m.seq, author: m.author?.name ?? "server", excerpt: replyExcerpt(m.text) }),
      onReact: (m, emoji) => {
        rememberEmoji(emoji);
        void client.toggleReaction(channelId, m.seq, emoji);
      },
      onJump: jumpTo,
    };
  }, [client, me, view, channelId, jumpTo]);

  const onSeen = useCallback(() => channelId && client.markRead(channelId), [client, channelId]);
  const onCloseWindow = useCallback(() => channelId && client.closeWindow(channelId), [client, channelId]);
  const onSaveEdit = useCallback(
    (seq: number, text: string) => (channelId ? client.editMessage(channelId, seq, text) : Promise.resolve(null)),
    [client, channelId],
  );
  const onSendReply = useCallback(
    (seq: number, text: string) => (channelId ? client.reply(channelId, seq, text) : Promise.resolve(null)),
    [client, channelId],
  );
  const messages = channel?.messages;
  const onEditLast = useCallback(() => {
    const last = me && messages ? lastEditable(messages, me) : null;
    if (last) setMode({ kind: "edit", seq: last.seq, text: last.text });
  }, [me, messages]);

  if (!channel || !me) return null;
  const name = displayName(channel.view);
  const carriesFiles = (e: React.DragEvent) => e.dataTransfer.types.includes("Files");
  return (
    <div
      className={dropping ? "conversation-drop dropping" : "conversation-drop"}
      onDragOver={(e) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        setDropping(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDropping(false);
      }}
      onDrop={(e) => {
        setDropping(false);
        const files = [...e.dataTransfer.files];
        if (files.length === 0) return;
        e.preventDefault();
        uploads.start(files);
      }}
    >
      <ChannelHeader
        view={channel.view}
        onLeave={() => void client.request("channel:part", { channel: channel.view.name })}
        onMenu={onMenu}
        membersOpen={membersOpen}
        onToggleMembers={onToggleMembers}
        onSearch={() => actions.openSearch()}
        {...(moderates(channel.view) ? { onChannelSettings: () => setSettingsOpen(true) } : {})}
        peer={channel.view.kind === "direct" ? channel.members?.[0] : undefined}
      />
      <MessageList
        key={`list-${channel.view.id}`}
        channel={channel}
        name={name}
        pending={pending}
        myName={me.name}
        myId={me.id}
        onLoadOlder={loadOlder}
        onAuthor={actions.openDirect}
        onRetry={onRetry}
        onDiscard={onDiscard}
        lines={lines}
        divider={divider}
        ignored={ignored}
        onSeen={onSeen}
        focus={focus}
        onCloseWindow={onCloseWindow}
      />
      {jumpMissed && (
        <p className="jump-missed" role="status">
          That message is no longer in the history.
        </p>
      )}
      {typingNotices && <TypingIndicator typing={channel.typing} />}
      <ChannelNotices channelId={channel.view.id} />
      {help && (
        <HelpPanel
          entries={help}
          onClose={() => {
            setHelp(null);
            composerRef.current?.focus();
          }}
        />
      )}
      <UploadList uploads={uploads.uploads} onDismiss={uploads.dismiss} />
      <Composer
        onFiles={uploads.start}
        key={`composer-${channel.view.id}`}
        label={`Message ${name}`}
        candidates={candidates}
        onSubmit={run}
        onTyping={onTyping}
        inputRef={composerRef}
        mode={mode}
        onCancelMode={() => setMode(null)}
        onSaveEdit={onSaveEdit}
        onSendReply={onSendReply}
        onEditLast={onEditLast}
      />
      {settingsOpen && moderates(channel.view) && (
        <ChannelSettingsDialog view={channel.view} onClose={() => setSettingsOpen(false)} />
      )}
      {deleting && (
        <DeleteDialog
          message={deleting}
          myId={me.id}
          onConfirm={() => client.deleteMessage(channel.view.id, deleting.seq)}
          onClose={() => {
            setDeleting(null);
            composerRef.current?.focus();
          }}
        />
      )}
    </div>
  );
}
