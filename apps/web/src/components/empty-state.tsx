import type { RefObject } from "react";
import type { ChatActions } from "../lib/chat-actions";
import { Composer } from "./composer";
import { useCandidates } from "./use-candidates";
import { useRunInput } from "./use-run-input";

interface EmptyStateProps {
  onMenu: () => void;
  actions: ChatActions;
  composerRef: RefObject<HTMLTextAreaElement | null>;
}

/**
 * Nothing open yet: the channel browser one click away, and an input that takes the same commands
 * as any conversation's (`/join #name`, `/query nick`, `/list` …), so the hint it gives can be followed.
 */
export function EmptyState({ onMenu, actions, composerRef }: EmptyStateProps) {
  const runInput = useRunInput({ actions });
  // A /join opens the channel in place of this screen: its composer takes the focus this one had.
  const run = async (text: string) => {
    const failure = await runInput(text);
    if (failure === null) requestAnimationFrame(() => composerRef.current?.focus());
    return failure;
  };
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
          <h1>Welcome to CanaDuck</h1>
        </div>
      </header>
      <div className="empty-state">
        <p>You are not in any channel yet.</p>
        <button type="button" className="button primary" onClick={actions.openBrowser}>
          Browse channels
        </button>
        <p className="muted">
          Or type <code>/join #name</code> below to join one, or create it.
        </p>
      </div>
      <Composer label="Type a command" candidates={candidates} onSubmit={run} inputRef={composerRef} />
    </>
  );
}
