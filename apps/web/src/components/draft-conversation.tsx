import type { RefObject } from "react";
import { useMemo } from "react";
import type { ChatActions } from "../lib/chat-actions";
import { Avatar } from "./avatar";
import { Composer } from "./composer";
import { useCandidates } from "./use-candidates";
import { useRunInput } from "./use-run-input";

interface DraftProps {
  peer: string;
  composerRef: RefObject<HTMLTextAreaElement | null>;
  onMenu: () => void;
  onStarted: (channelId: string) => void;
  actions: ChatActions;
}

/** A direct conversation that starts with its first message. */
export function DraftConversation({ peer, composerRef, onMenu, onStarted, actions }: DraftProps) {
  const draft = useMemo(() => ({ onStarted }), [onStarted]);
  const run = useRunInput({ actions, target: peer, draft });
  const candidates = useCandidates(null);
  return (
    <>
      <header className="channel-header">
        <button
          type="button"
          className="icon-button only-narrow"
          aria-label="Open the conversation list"
          onClick={onMenu}
        >
          ☰
        </button>
        <div className="channel-title">
          <h1>
            <span className="nav-dm" aria-hidden="true">
              @
            </span>
            {peer}
          </h1>
          <p className="channel-topic">New direct conversation</p>
        </div>
      </header>
      <div className="empty-state">
        <Avatar name={peer} />
        <p>This is the start of your private conversation with {peer}. Only the two of you can read it.</p>
      </div>
      <Composer key={peer} label={`Message ${peer}`} candidates={candidates} onSubmit={run} inputRef={composerRef} />
    </>
  );
}
