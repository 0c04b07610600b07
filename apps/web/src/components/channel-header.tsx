import { displayName } from "@canaduck/client";
import type { ChannelView, MemberView } from "@canaduck/contract";
import { MessageText } from "./message-text";

interface HeaderProps {
  view: ChannelView;
  onLeave: () => void;
  onMenu: () => void;
  membersOpen: boolean;
  onToggleMembers: () => void;
  onSearch: () => void;
  /** A direct conversation's other person as last heard (online, away), once read. */
  peer?: MemberView | undefined;
  /** Shown to the channel's operators only: invite-only, invites and bans. */
  onChannelSettings?: () => void;
}

/** Name, topic and member count of the open conversation. */
export function ChannelHeader({
  view,
  onLeave,
  onMenu,
  membersOpen,
  onToggleMembers,
  onSearch,
  onChannelSettings,
  peer,
}: HeaderProps) {
  const direct = view.kind === "direct";
  return (
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
          {direct && (
            <span className="nav-dm" aria-hidden="true">
              @
            </span>
          )}
          {displayName(view)}
          {view.inviteOnly && !direct && (
            <span className="tag" title="Only invited users can join">
              invite-only
            </span>
          )}
        </h1>
        <p className="channel-topic">
          {direct ? (
            <PeerStatus peer={peer} />
          ) : view.topic ? (
            <MessageText text={view.topic} myName={null} />
          ) : (
            <span className="muted">No topic set</span>
          )}
        </p>
      </div>
      <button
        type="button"
        className="icon-button search-button"
        aria-label="Search messages"
        title="Search messages (Ctrl+F)"
        onClick={onSearch}
      >
        <SearchIcon />
      </button>
      {onChannelSettings && (
        <button
          type="button"
          className="icon-button channel-settings-button"
          aria-label={`Settings of ${view.name}`}
          title="Invite-only, invites and bans"
          onClick={onChannelSettings}
        >
          <GearIcon />
        </button>
      )}
      {!direct && (
        <button
          type="button"
          className="button subtle leave-button"
          onClick={onLeave}
          title={`Leave ${view.name} (/part)`}
        >
          Leave
        </button>
      )}
      {!direct && (
        <button
          type="button"
          className="button subtle members-button"
          aria-expanded={membersOpen}
          aria-controls="member-panel"
          onClick={onToggleMembers}
        >
          <PeopleIcon />
          {view.memberCount}
          <span className="members-word"> member{view.memberCount === 1 ? "" : "s"}</span>
        </button>
      )}
    </header>
  );
}

/** "Away: lunch", "Online" or "Offline" under a direct conversation's name; the plain label until known. */
function PeerStatus({ peer }: { peer: MemberView | undefined }) {
  if (!peer) return <>Direct conversation</>;
  if (peer.away !== undefined)
    return (
      <span className="peer-status away-status">
        <span className="status-dot away" aria-hidden="true" />
        Away{peer.away === "" ? "" : `: ${peer.away}`}
      </span>
    );
  return (
    <span className="peer-status">
      <span className={peer.online ? "status-dot online" : "status-dot"} aria-hidden="true" />
      {peer.online ? "Online" : "Offline"}
    </span>
  );
}

function SearchIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
    >
      <circle cx="10.5" cy="10.5" r="6.5" />
      <path d="M15.5 15.5 21 21" strokeLinecap="round" />
    </svg>
  );
}

function GearIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <circle cx="12" cy="12" r="3.2" />
      <path
        d="M12 2.5v3M12 18.5v3M2.5 12h3M18.5 12h3M5.3 5.3l2.1 2.1M16.6 16.6l2.1 2.1M5.3 18.7l2.1-2.1M16.6 7.4l2.1-2.1"
        strokeLinecap="round"
      />
    </svg>
  );
}

function PeopleIcon() {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false" fill="currentColor">
      <circle cx="9" cy="8" r="3.5" />
      <path d="M2 19c0-3.6 3.1-6 7-6s7 2.4 7 6v1H2z" />
      <circle cx="17" cy="9" r="2.8" opacity="0.7" />
      <path d="M16.5 13.2c3 .3 5.5 2.3 5.5 5.3V20h-4.5v-1c0-2.3-.4-4.2-1-5.8z" opacity="0.7" />
    </svg>
  );
}
