import { activeChannel, displayName, signalsTyping } from "@canaduck/client";
import { useCallback, useMemo, type RefObject } from "react";
import { useChat, useChatState } from "../lib/chat-context";
import type { ChatActions } from "../lib/chat-actions";
import { ChannelHeader } from "./channel-header";
import { ChannelNotices } from "./channel-notices";
import { Composer } from "./composer";
import { MessageList } from "./message-list";
import { TypingIndicator } from "./typing-indicator";
import { useCandidates } from "./use-candidates";
import { useRunInput } from "./use-run-input";

interface ChannelViewProps {
  composerRef: RefObject<HTMLTextAreaElement | null>;
  onMenu: () => void;
  actions: ChatActions;
  membersOpen: boolean;
  onToggleMembers: () => void;
}

/** The open channel or direct conversation: its header, its lines, who is typing, and the composer. */
export function ChannelView({ composerRef, onMenu, actions, membersOpen, onToggleMembers }: ChannelViewProps) {
  const { client } = useChat();
  const channel = useChatState(activeChannel);
  const allPending = useChatState((s) => s.pending);
  const me = useChatState((s) => s.me);
  const channelId = channel?.view.id ?? null;
  const pending = useMemo(() => allPending.filter((p) => p.channelId === channelId), [allPending, channelId]);
  const candidates = useCandidates(channelId);
  const target = channel?.target ?? "";
  const run = useRunInput({ actions, target });
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

  if (!channel || !me) return null;
  const name = displayName(channel.view);
  return (
    <>
      <ChannelHeader
        view={channel.view}
        onLeave={() => void client.request("channel:part", { channel: channel.view.name })}
        onMenu={onMenu}
        membersOpen={membersOpen}
        onToggleMembers={onToggleMembers}
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
      />
      <TypingIndicator typing={channel.typing} />
      <ChannelNotices channelId={channel.view.id} />
      <Composer
        key={`composer-${channel.view.id}`}
        label={`Message ${name}`}
        candidates={candidates}
        onSubmit={run}
        onTyping={onTyping}
        inputRef={composerRef}
      />
    </>
  );
}
