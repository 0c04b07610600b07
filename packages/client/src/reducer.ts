import type {
  ChannelView,
  MemberView,
  Message,
  SharedChannelView,
  UserRef,
  UserSettings,
  UserView,
} from "@canaduck/contract";
import { defaultUserSettings as initialSettings } from "@canaduck/contract";
import type { ChannelState, ChatState, ConnectionStatus, HistoryWindow, Notice, PendingSend } from "./state";
import { applyMemberChange, MEMBER_CHANGES_KEPT, membersAfter, type MemberChange } from "./member-changes";
import { mergeMessages } from "./merge-messages";
import { applyChangeToLines } from "./apply-change";
import { countArrivals, markedLocally, rebase, type ReadBasis } from "./unread";

/** How long a typing indication lasts without being renewed. */
export const TYPING_TTL_MS = 6_000;
/** Notices kept for display; older ones fall off. */
const MAX_NOTICES = 50;
/** Lines one conversation keeps in memory (see receiveMessages). */
export const LINES_KEPT = 1_000;

export type ChatAction =
  | { type: "status"; status: ConnectionStatus }
  | { type: "session"; me: UserView; channels: ChannelView[] }
  | { type: "joined"; channel: ChannelView }
  | { type: "left"; channelId: string }
  | { type: "updated"; channel: SharedChannelView }
  /**
   * Log entries from a live event, a catch-up or a history page; `page` says which kind of page.
   * "latest" is the newest page taken as a fresh client would (held lines older than it go).
   */
  | { type: "messages"; channelId: string; messages: Message[]; page?: "latest" | "older" | "newer"; hasMore?: boolean }
  /** The server's read:marked: the marker moved (here or on another device), with the counts after it. */
  | ({ type: "read-marked"; channelId: string } & ReadBasis)
  /** The user saw the lines up to `readSeq` here: the badge clears before the server confirms. */
  | { type: "read-local"; channelId: string; readSeq: number }
  /** A jump's page around a line, or null to show the newest lines again. */
  | { type: "window"; channelId: string; window: HistoryWindow | null }
  | { type: "user-updated"; user: UserView; previousName: string }
  /** presence:changes: users' online state, in order (a user listed twice ends as last listed). */
  | { type: "presence"; changes: Array<{ user: UserRef; online: boolean }> }
  | { type: "typing"; channelId: string; user: UserRef; typing: boolean; now: number }
  /** A member list read with channel:who, as of the channel's seq `asOf`. */
  | { type: "members"; channelId: string; members: MemberView[]; asOf?: number }
  /** channel:member: one member joined, changed role (their view) or left (null). */
  | ({ type: "member"; channelId: string } & MemberChange)
  /** The ignore list, as the server keeps it (session state, ignore:changed, an /ignore's answer). */
  | { type: "ignored"; ignored: UserRef[] | undefined }
  /** A user went away (`away` their message) or came back (null): their member entries follow. */
  | { type: "away"; user: UserRef; away: string | null }
  | { type: "select"; channelId: string | null }
  | { type: "pending-add"; send: PendingSend }
  | { type: "pending-done"; clientId: string }
  | { type: "pending-failed"; clientId: string; error: NonNullable<PendingSend["error"]> }
  | { type: "notice"; notice: Omit<Notice, "id" | "createdAt">; now: number }
  | { type: "dismiss"; id: number }
  | { type: "logged-out" }
  /** The server's settings (from session:sync, settings:changed or settings:update's answer). */
  | { type: "settings"; settings: UserSettings | undefined };

const targetOf = (view: Pick<ChannelView, "kind" | "name" | "peer">): string =>
  view.kind === "direct" ? (view.peer?.name ?? view.name) : view.name;

function newChannel(view: ChannelView): ChannelState {
  return {
    view,
    target: targetOf(view),
    messages: [],
    // Everything up to the channel's newest line at the time we learn of it counts as history.
    cursor: view.lastSeq,
    ahead: [],
    hasOlder: view.lastSeq > 0,
    readSeq: view.readSeq,
    unread: view.unread,
    mentions: view.mentions,
    countedTo: view.lastSeq,
    members: null,
    window: null,
    typing: {},
  };
}

function withChannel(state: ChatState, id: string, update: (c: ChannelState) => ChannelState): ChatState {
  const channel = state.channels[id];
  return channel ? { ...state, channels: { ...state.channels, [id]: update(channel) } } : state;
}

function addNotice(state: ChatState, notice: Omit<Notice, "id" | "createdAt">, now: number): ChatState {
  const full: Notice = { ...notice, id: state.nextNoticeId, createdAt: now };
  const next = { ...state, nextNoticeId: state.nextNoticeId + 1 };
  if (notice.kind === "alert") return { ...next, alerts: [...state.alerts, full] };
  return { ...next, notices: [...state.notices, full].slice(-MAX_NOTICES) };
}

/** The chat state's only way to change: pure, so every transition is tested without a socket. */
export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case "status":
      return { ...state, status: action.status };
    case "session": {
      const channels: Record<string, ChannelState> = {};
      for (const view of action.channels) {
        const existing = state.channels[view.id];
        channels[view.id] = existing ? rebaseOn(existing, view, action.me) : newChannel(view);
      }
      const order = [
        ...state.order.filter((id) => id in channels),
        ...action.channels.map((v) => v.id).filter((id) => !state.order.includes(id)),
      ];
      const activeId = state.activeId !== null && state.activeId in channels ? state.activeId : (order[0] ?? null);
      return { ...state, me: action.me, channels, order, activeId };
    }
    case "joined": {
      const existing = state.channels[action.channel.id];
      if (existing) return withChannel(state, action.channel.id, (c) => rebaseOn(c, action.channel, state.me));
      const next = {
        ...state,
        channels: { ...state.channels, [action.channel.id]: newChannel(action.channel) },
        order: [...state.order, action.channel.id],
      };
      return state.activeId === null ? { ...next, activeId: action.channel.id } : next;
    }
    case "left": {
      if (!(action.channelId in state.channels)) return state;
      const { [action.channelId]: _gone, ...channels } = state.channels;
      const order = state.order.filter((id) => id !== action.channelId);
      const activeId = state.activeId === action.channelId ? (order[0] ?? null) : state.activeId;
      return {
        ...state,
        channels,
        order,
        activeId,
        pending: state.pending.filter((p) => p.channelId !== action.channelId),
      };
    }
    case "updated":
      return withChannel(state, action.channel.id, (c) => {
        // The shared view says everything shared: a flag it leaves out is off (previews back on).
        const { previewsOff: _previewsOff, ...own } = c.view;
        const view = {
          ...own,
          ...action.channel,
          lastSeq: Math.max(c.view.lastSeq, action.channel.lastSeq),
        };
        return { ...c, view, target: targetOf(view) };
      });
    case "messages":
      return withChannel(state, action.channelId, (c) => receiveMessages(state, c, action));
    case "user-updated": {
      const me = state.me && state.me.id === action.user.id ? action.user : state.me;
      const channels: Record<string, ChannelState> = {};
      for (const [id, c] of Object.entries(state.channels)) {
        const peer = c.view.peer?.id === action.user.id ? { id: action.user.id, name: action.user.name } : c.view.peer;
        const view = peer ? { ...c.view, peer } : c.view;
        const members = c.members?.map((m) => (m.id === action.user.id ? { ...m, name: action.user.name } : m)) ?? null;
        channels[id] = { ...c, view, target: targetOf(view), members };
      }
      return { ...state, me, channels };
    }
    case "presence": {
      // One pass for the whole list: a crowd coming back arrives as lists of dozens.
      const online = new Map(action.changes.map((c) => [c.user.id, c.online]));
      const channels: Record<string, ChannelState> = {};
      for (const [id, c] of Object.entries(state.channels)) {
        channels[id] = c.members
          ? {
              ...c,
              members: c.members.map((m) => (online.has(m.id) ? { ...m, online: online.get(m.id) ?? false } : m)),
            }
          : c;
      }
      return { ...state, channels };
    }
    case "typing":
      if (action.user.id === state.me?.id) return state;
      return withChannel(state, action.channelId, (c) => {
        const { [action.user.id]: _old, ...rest } = c.typing;
        return {
          ...c,
          typing: action.typing
            ? { ...rest, [action.user.id]: { name: action.user.name, until: action.now + TYPING_TTL_MS } }
            : rest,
        };
      });
    case "members": {
      const asOf = action.asOf ?? 0;
      return withChannel(state, action.channelId, (c) => ({
        ...c,
        members: membersAfter(action.members, asOf, c.memberChanges ?? []),
        membersAsOf: asOf,
      }));
    }
    case "member": {
      const change: MemberChange = { seq: action.seq, userId: action.userId, member: action.member };
      return withChannel(state, action.channelId, (c) => ({
        ...c,
        memberChanges: [...(c.memberChanges ?? []), change].slice(-MEMBER_CHANGES_KEPT),
        members:
          c.members !== null && change.seq > (c.membersAsOf ?? 0) ? applyMemberChange(c.members, change) : c.members,
      }));
    }
    case "ignored":
      // A server older than the ignore list sends none: nobody is ignored.
      return { ...state, ignored: action.ignored ?? [] };
    case "away": {
      const { away, user } = action;
      const channels: Record<string, ChannelState> = {};
      for (const [id, c] of Object.entries(state.channels)) {
        const withAway = (m: MemberView): MemberView => {
          if (m.id !== user.id) return m;
          const { away: _old, ...rest } = m;
          return away === null ? rest : { ...rest, away };
        };
        channels[id] = c.members ? { ...c, members: c.members.map(withAway) } : c;
      }
      return { ...state, channels };
    }
    // Selecting does not clear the badge: the read marker does, when the view says the lines were seen (markRead).
    case "select":
      return { ...state, activeId: action.channelId };
    case "read-marked": {
      const { type: _type, channelId, ...basis } = action;
      return withChannel(state, channelId, (c) =>
        // An older confirmation arriving after a newer local mark would move the marker back.
        basis.readSeq < c.readSeq ? c : { ...c, ...rebase(c, basis, state.me) },
      );
    }
    case "read-local":
      return withChannel(state, action.channelId, (c) =>
        action.readSeq <= c.readSeq ? c : { ...c, ...markedLocally(c, action.readSeq, state.me) },
      );
    case "window":
      return withChannel(state, action.channelId, (c) => ({ ...c, window: action.window }));
    case "pending-add":
      return { ...state, pending: [...state.pending, action.send] };
    case "pending-done":
      return { ...state, pending: state.pending.filter((p) => p.clientId !== action.clientId) };
    case "pending-failed":
      return {
        ...state,
        pending: state.pending.map((p) =>
          p.clientId === action.clientId ? { ...p, status: "failed" as const, error: action.error } : p,
        ),
      };
    case "notice":
      return addNotice(state, action.notice, action.now);
    case "dismiss":
      return {
        ...state,
        alerts: state.alerts.filter((n) => n.id !== action.id),
        notices: state.notices.filter((n) => n.id !== action.id),
      };
    case "logged-out":
      return { ...state, me: null, channels: {}, order: [], activeId: null, pending: [], settings: initialSettings };
    case "settings":
      // A server older than kept settings sends none: the defaults hold.
      return { ...state, settings: action.settings ?? initialSettings };
  }
}

/** A channel's state after the server's view of it (a reconnect, a join): the badge is the server's count. */
function rebaseOn(channel: ChannelState, view: ChannelView, me: ChatState["me"]): ChannelState {
  const lastSeq = Math.max(view.lastSeq, channel.view.lastSeq);
  return { ...channel, view: { ...view, lastSeq }, target: targetOf(view), ...rebase(channel, view, me) };
}

function receiveMessages(
  state: ChatState,
  channel: ChannelState,
  action: Extract<ChatAction, { type: "messages" }>,
): ChannelState {
  const meId = state.me?.id ?? null;
  const merged = mergeMessages(channel, action.messages, { replace: action.page === "latest", meId });
  const typing = { ...channel.typing };
  for (const m of merged.added) if (m.author) delete typing[m.author.id];
  let window = channel.window;
  for (const change of merged.changes)
    if (window) window = { ...window, messages: applyChangeToLines(window.messages, change, meId) };
  const pageBounds = action.page === "older" || action.page === "latest";
  // A conversation keeps at most LINES_KEPT lines in memory: what new lines push out at the top is
  // paged back from the server on scrolling up (hasOlder), so a client left open all week in a
  // busy channel stays small. Reading older pages does not trim: that is the user scrolling back.
  const trim = action.page !== "older" && merged.messages.length > LINES_KEPT;
  const messages = trim ? merged.messages.slice(-LINES_KEPT) : merged.messages;
  return {
    ...channel,
    view: {
      ...channel.view,
      role: roleAfter(channel, merged.added, meId),
      lastSeq: Math.max(channel.view.lastSeq, merged.cursor, ...merged.ahead),
    },
    messages,
    cursor: merged.cursor,
    ahead: merged.ahead,
    hasOlder: trim || (pageBounds ? (action.hasMore ?? channel.hasOlder) : channel.hasOlder),
    ...countArrivals(channel, merged, state.me),
    window,
    typing,
  };
}

/**
 * The user's role after op and deop lines about them: the server tells the member only through
 * the line. Lines the server's view already reflects (up to what it counted) are history.
 */
function roleAfter(
  channel: ChannelState,
  added: readonly Message[],
  meId: string | null,
): ChannelState["view"]["role"] {
  let role = channel.view.role;
  for (const line of added) {
    if (line.seq <= channel.countedTo || meId === null || line.meta.target?.id !== meId || role === "owner") continue;
    if (line.kind === "op") role = "operator";
    if (line.kind === "deop") role = "member";
  }
  return role;
}
