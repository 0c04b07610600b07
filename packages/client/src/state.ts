import {
  defaultUserSettings,
  type ChannelView,
  type ChatError,
  type MemberView,
  type Message,
  type UserRef,
  type UserSettings,
  type UserView,
} from "@canaduck/contract";
import type { MemberChange } from "./member-changes";

export type ConnectionStatus = "connecting" | "online" | "reconnecting" | "offline";

/** A send the server has not acknowledged yet, shown greyed until it is. */
export interface PendingSend {
  clientId: string;
  channelId: string;
  target: string;
  text: string;
  action: boolean;
  /** A reply: the seq of the line it answers. */
  replyTo?: number;
  status: "sending" | "failed";
  error?: ChatError;
}

export interface ChannelState {
  view: ChannelView;
  /** What to address it by: "#dev", or the peer's nick for a direct conversation. */
  target: string;
  /**
   * Loaded lines in their current state, ascending by seq, no duplicates. Change entries (edit,
   * delete, react, unreact) are applied to the lines they target and not kept.
   */
  messages: Message[];
  /** Highest seq up to which every log entry is received: catch-up asks for what comes after. */
  cursor: number;
  /** Seqs above `cursor` already received out of order (so the cursor can pass them once the gap fills). */
  ahead: number[];
  /** Whether older history exists before messages[0]. */
  hasOlder: boolean;
  /** The user's read marker (kept on the server, the same on every device). */
  readSeq: number;
  /** Lines from others after readSeq, and those that mention the user: the badge. */
  unread: number;
  mentions: number;
  /** The seq up to which `unread` and `mentions` are counted (the server's basis, then live lines). */
  countedTo: number;
  members: MemberView[] | null;
  /** The channel's last seq when `members` was read: channel:member changes after it are applied to it. */
  membersAsOf?: number;
  /** The latest channel:member changes (a few), for a list read while they were on their way. */
  memberChanges?: readonly MemberChange[];
  /** A page of older history around a line the user jumped to, shown instead of the newest lines until closed. */
  window: HistoryWindow | null;
  /** Who is typing, by user id, with when the indication lapses (ms since epoch). */
  typing: Record<string, { name: string; until: number }>;
}

/** Lines around `focusSeq`, read with history:read `around`, kept in step with change entries like `messages`. */
export interface HistoryWindow {
  focusSeq: number;
  messages: Message[];
  hasOlder: boolean;
  hasNewer: boolean;
}

export interface Notice {
  id: number;
  kind: "error" | "info" | "alert";
  text: string;
  code?: string;
  /**
   * A secret the notice hands over once (a new API token): not in `text`, so a view shows it
   * apart, as something to copy.
   */
  secret?: string;
  /** The channel it belongs to, or null for a global notice. */
  channelId: string | null;
  createdAt: number;
}

export interface ChatState {
  status: ConnectionStatus;
  /** Null until logged in. */
  me: UserView | null;
  channels: Record<string, ChannelState>;
  /** Channel ids in sidebar order. */
  order: string[];
  activeId: string | null;
  pending: PendingSend[];
  notices: Notice[];
  /** Admin alerts, newest last, until dismissed. */
  alerts: Notice[];
  /** The id the next notice gets. */
  nextNoticeId: number;
  /** Who the user /ignores: kept on the server, the same on every device; their lines are hidden. */
  ignored: UserRef[];
  /** The user's preferences, kept on the server (the same on every device). */
  settings: UserSettings;
}

export const initialState: ChatState = {
  status: "connecting",
  me: null,
  channels: {},
  order: [],
  activeId: null,
  pending: [],
  notices: [],
  alerts: [],
  nextNoticeId: 1,
  ignored: [],
  settings: defaultUserSettings,
};

/**
 * Whether a line is hidden because its author is ignored: what they said (text and /me); the
 * system lines about them (joins, kicks, nick changes) stay, so the channel still makes sense.
 */
export const hiddenByIgnore = (ignored: readonly UserRef[], message: Message): boolean =>
  (message.kind === "text" || message.kind === "action") &&
  message.author !== null &&
  ignored.some((u) => u.id === message.author?.id);

/** The name to show for a channel: its name, or the peer's nick for a direct conversation. */
export const displayName = (view: ChannelView): string =>
  view.kind === "direct" ? (view.peer?.name ?? "(direct)") : view.name;

export const activeChannel = (state: ChatState): ChannelState | null =>
  state.activeId === null ? null : (state.channels[state.activeId] ?? null);
