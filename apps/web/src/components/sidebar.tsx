import { conversationList, type ConversationEntry } from "@canaduck/client";
import { sameItems, useChat, useChatState } from "../lib/chat-context";
import type { ChatActions } from "../lib/chat-actions";
import { Logo } from "./logo";
import { NotificationToggle } from "./notification-toggle";
import { UserBadge } from "./user-badge";

interface SidebarProps {
  actions: ChatActions;
  onClose: () => void;
  onOpenSwitcher: () => void;
}

/** Joined channels and direct conversations with unread counts and mention badges; who I am. */
export function Sidebar({ actions, onClose, onOpenSwitcher }: SidebarProps) {
  const { client } = useChat();
  const entries = useChatState(conversationList, sameItems);
  const activeId = useChatState((s) => s.activeId);
  const me = useChatState((s) => s.me);
  const channels = entries.filter((e) => e.kind === "channel");
  const directs = entries.filter((e) => e.kind === "direct");

  return (
    <nav className="sidebar" aria-label="Conversations">
      <div className="sidebar-top">
        <Logo small />
        <button
          type="button"
          className="icon-button only-narrow"
          aria-label="Close the conversation list"
          onClick={onClose}
        >
          ✕
        </button>
      </div>
      <button type="button" className="switcher-button" onClick={onOpenSwitcher}>
        <span>Jump to…</span>
        <kbd>Ctrl K</kbd>
      </button>
      <div className="sidebar-scroll">
        <section aria-labelledby="sidebar-channels">
          <div className="sidebar-heading">
            <h2 id="sidebar-channels">Channels</h2>
            <button
              type="button"
              className="icon-button"
              aria-label="Browse and join channels"
              title="Browse and join channels (/list)"
              onClick={actions.openBrowser}
            >
              +
            </button>
          </div>
          {channels.length === 0 ? (
            <p className="sidebar-empty">
              No channels yet.{" "}
              <button type="button" className="link-button" onClick={actions.openBrowser}>
                Find one
              </button>
            </p>
          ) : (
            <EntryList entries={channels} activeId={activeId} onSelect={actions.select} />
          )}
        </section>
        <section aria-labelledby="sidebar-directs">
          <div className="sidebar-heading">
            <h2 id="sidebar-directs">Direct messages</h2>
          </div>
          {directs.length === 0 ? (
            <p className="sidebar-empty">Click a name to start a private conversation.</p>
          ) : (
            <EntryList
              entries={directs}
              activeId={activeId}
              onSelect={actions.select}
              onCloseEntry={(e) => void client.closeDirect(e.name)}
            />
          )}
        </section>
      </div>
      <div className="sidebar-footer">
        {me && <UserBadge name={me.name} isAdmin={me.isAdmin} />}
        <NotificationToggle />
        <button type="button" className="button subtle" onClick={actions.openSettings}>
          Settings
        </button>
        <button type="button" className="button subtle" onClick={() => void client.logout()}>
          Log out
        </button>
      </div>
    </nav>
  );
}

function EntryList({
  entries,
  activeId,
  onSelect,
  onCloseEntry,
}: {
  entries: ConversationEntry[];
  activeId: string | null;
  onSelect: (id: string) => void;
  /** Direct conversations close (on every device, until their next line); channels are left from their header. */
  onCloseEntry?: (entry: ConversationEntry) => void;
}) {
  return (
    <ul className="nav-list">
      {entries.map((e) => (
        <li key={e.id} className="nav-entry">
          <button
            type="button"
            className={[
              "nav-item",
              e.id === activeId ? "active" : "",
              e.unread > 0 ? "unread" : "",
              e.muted ? "muted" : "",
            ]
              .join(" ")
              .trim()}
            aria-current={e.id === activeId ? "page" : undefined}
            aria-label={entryLabel(e)}
            onClick={() => onSelect(e.id)}
          >
            <span className="nav-name">
              {e.kind === "direct" && (
                <span className="nav-dm" aria-hidden="true">
                  @
                </span>
              )}
              {e.name}
            </span>
            {e.mentions > 0 && (
              <span className="badge mention" aria-hidden="true">
                @{e.mentions}
              </span>
            )}
            {e.unread > 0 && (
              <span className="badge" aria-hidden="true">
                {e.unread > 99 ? "99+" : e.unread}
              </span>
            )}
          </button>
          {onCloseEntry && (
            <button
              type="button"
              className="icon-button nav-close"
              aria-label={`Close the conversation with ${e.name}`}
              title="Close (it comes back with the next message; the history is kept)"
              onClick={() => onCloseEntry(e)}
            >
              ✕
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** "#dev, 1 mention, 3 unread": what the badges say, for screen readers. */
function entryLabel(e: ConversationEntry): string {
  const parts = [e.name];
  if (e.muted) parts.push("muted");
  if (e.mentions > 0) parts.push(`${e.mentions} mention${e.mentions === 1 ? "" : "s"}`);
  if (e.unread > 0) parts.push(`${e.unread} unread`);
  return parts.join(", ");
}
