import type { ChannelView, ChatError, MemberView, Message, UserView } from "@canaduck/contract";

export type ConnectionStatus = "connecting" | "online" | "reconnecting" | "offline";

/** A send the server has not acknowledged yet, shown greyed until it is. */
export interface PendingSend {
  clientId: string;
  channelId: string;
  target: string;
  text: string;
  action: boolean;
  status: "sending" | "failed";
  error?: ChatError;
}

export interface ChannelState {
  view: ChannelView;
  /** What to address it by: "#dev", or the peer's nick for a direct conversation. */
  target: string;
  /** Loaded messages, ascending by seq, no duplicates. */
  messages: Message[];
  /** Highest seq up to which every message is loaded: catch-up asks for what comes after. */
  cursor: number;
  /** Whether older history exists before messages[0]. */
  hasOlder: boolean;
  unread: number;
  mentions: number;
  members: MemberView[] | null;
  /** Who is typing, by user id, with when the indication lapses (ms since epoch). */
  typing: Record<string, { name: string; until: number }>;
}

export interface Notice {
  id: number;
  kind: "error" | "info" | "alert";
  text: string;
  code?: string;
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
};

/** The name to show for a channel: its name, or the peer's nick for a direct conversation. */
export const displayName = (view: ChannelView): string =>
  view.kind === "direct" ? (view.peer?.name ?? "(direct)") : view.name;

export const activeChannel = (state: ChatState): ChannelState | null =>
  state.activeId === null ? null : (state.channels[state.activeId] ?? null);
