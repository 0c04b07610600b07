import {
  applySettingsPatch,
  isChannelName,
  limits,
  type Ack,
  type ChatError,
  type ClientEventName,
  type ClientEventPayload,
  type ClientEventResult,
  type HandshakeRefusal,
  type EventCommand,
  type MemberView,
  type Message,
  type ParseError,
  type SettingsPatch,
} from "@canaduck/contract";
import { errorHeadlines } from "./error-text";
import { call, openSocket, type ChatSocket, type SocketOverrides } from "./connection";
import { chatReducer, type ChatAction } from "./reducer";
import { activeChannel, initialState, type ChatState, type PendingSend } from "./state";
import { memoryTokenStore, type TokenStore } from "./token-store";
import { describeCommandResult } from "./describe-result";
import { newTokenText } from "./token-text";
import { planInput, type LineCommand } from "./input-plan";
import { waitForState } from "./wait-for-state";
import { removalText } from "./removal-text";
import { lastOwnLine, lineFromBottom, overLimitBy } from "./lines";
import { mergeMessages } from "./merge-messages";

export interface ChatClientOptions {
  url: string;
  tokens?: TokenStore;
  socket?: SocketOverrides;
  callTimeoutMs?: number;
  now?: () => number;
  newClientId?: () => string;
}

/** Pages fetched per round trip when filling a gap or loading back to a line. */
const CATCH_UP_PAGE = limits.historyPageMax;
/** A jump to a line at most this many entries older than the loaded ones loads pages back to it; further, a window around it. */
const JUMP_LOAD_MAX = 1_000;
/**
 * A conversation this far behind at most is caught up page by page from its cursor when the sync
 * answers "reset" (a few round trips), keeping what is shown; further behind, it starts afresh.
 */
const REFILL_MAX = 10 * limits.historyPageMax;
/** Read markers are sent at most this often per conversation (see sendMarkSoon). */
const READ_MARK_EVERY_MS = 1_000;
/** A typing indication is renewed at most this often while the user keeps typing. */
const TYPING_RENEW_MS = 3_000;

/**
 * The client core both CanaDuck clients share. It owns the connection (reconnecting with
 * backoff), the outbox of unacknowledged sends (replayed with the same client id, so the server
 * stores each once), per-channel cursors and gap-free catch-up, and the chat state that the
 * web and terminal views render.
 */
export class ChatClient {
  private state: ChatState = initialState;
  private readonly listeners = new Set<() => void>();
  private readonly socket: ChatSocket;
  private readonly tokens: TokenStore;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private readonly newClientId: () => string;
  private readonly fetchingNewer = new Set<string>();
  /** Callers waiting for a send's final outcome, by client id. */
  private readonly settled = new Map<string, (ack: Ack<ClientEventResult<"message:send">>) => void>();
  /** The read marker last sent per conversation, and the pending fold of later ones. */
  private readonly markSent = new Map<string, number>();
  private readonly markTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private typingSentAt = 0;
  private typingTarget: string | null = null;
  private closed = false;

  constructor(options: ChatClientOptions) {
    this.tokens = options.tokens ?? memoryTokenStore();
    this.timeoutMs = options.callTimeoutMs ?? 10_000;
    this.now = options.now ?? Date.now;
    this.newClientId = options.newClientId ?? (() => globalThis.crypto.randomUUID());
    this.socket = openSocket(options.url, () => this.tokens.load(), options.socket);
    this.listen();
  }

  // ---- state for views ----------------------------------------------------------------

  getState = (): ChatState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private dispatch(action: ChatAction): void {
    const next = chatReducer(this.state, action);
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  private notice(
    kind: "error" | "info",
    text: string,
    code?: string,
    channelId: string | null = this.state.activeId,
  ): void {
    this.dispatch({ type: "notice", notice: { kind, text, channelId, ...(code ? { code } : {}) }, now: this.now() });
  }

  // ---- connection ---------------------------------------------------------------------

  private listen(): void {
    const s = this.socket;
    s.on("connect", () => {
      this.dispatch({ type: "status", status: "online" });
      if (this.tokens.load() !== null) void this.catchUp();
    });
    s.on("disconnect", (reason) => {
      if (this.closed) return;
      this.dispatch({ type: "status", status: "reconnecting" });
      // Socket.IO does not reconnect after the server closed the connection on purpose.
      if (reason === "io server disconnect") setTimeout(() => this.closed || s.connect(), 300 + Math.random() * 700);
    });
    s.on("connect_error", (err: Error & { data?: HandshakeRefusal }) => {
      const code = err.data?.code;
      if (code === "NOT_AUTHENTICATED" || code === "SESSION_EXPIRED" || code === "SUSPENDED") {
        this.tokens.clear();
        this.dispatch({ type: "logged-out" });
        this.notice("error", err.data?.message ?? "Please log in again.", code, null);
        s.connect();
        return;
      }
      if (code === "UNSUPPORTED_PROTOCOL") {
        this.dispatch({ type: "status", status: "offline" });
        this.notice("error", err.data?.message ?? "This client is too old or too new for the server.", code, null);
        return;
      }
      this.dispatch({ type: "status", status: "reconnecting" });
      // A refusal (database down, rate limit) stops Socket.IO's own retries: retry ourselves.
      if (!s.active) setTimeout(() => this.closed || s.connect(), 1_000 + Math.random() * 1_000);
    });
    s.on("message:new", (message) => this.receive(message));
    s.on("channel:joined", ({ channel }) => {
      const known = channel.id in this.state.channels;
      this.dispatch({ type: "joined", channel });
      if (!known) void this.loadLatest(channel.id);
    });
    s.on("channel:left", (left) => {
      this.dispatch({ type: "left", channelId: left.channelId });
      if (left.reason !== "part") this.notice("info", removalText(left, this.now()), undefined, null);
    });
    // Closed here or on another device: it leaves the list as a left channel would, history kept on the server.
    s.on("direct:closed", ({ channelId }) => this.dispatch({ type: "left", channelId }));
    s.on("channel:updated", ({ channel }) => this.dispatch({ type: "updated", channel }));
    s.on("channel:member", (change) => this.dispatch({ type: "member", ...change }));
    s.on("channel:invited", ({ channel, by }) =>
      this.notice("info", `${by} invited you to ${channel}: /join ${channel}`, undefined, null),
    );
    s.on("user:updated", (p) => this.dispatch({ type: "user-updated", ...p }));
    s.on("read:marked", (p) => this.dispatch({ type: "read-marked", ...p }));
    s.on("presence:changes", ({ changes }) => this.dispatch({ type: "presence", changes }));
    s.on("user:away", (p) => this.dispatch({ type: "away", ...p }));
    s.on("ignore:changed", ({ ignored }) => this.dispatch({ type: "ignored", ignored }));
    s.on("settings:changed", ({ settings }) => this.dispatch({ type: "settings", settings }));
    s.on("typing:changed", (p) => this.dispatch({ type: "typing", ...p, now: this.now() }));
    s.on("server:alert", ({ text, from }) =>
      this.dispatch({
        type: "notice",
        notice: { kind: "alert", text: `${from}: ${text}`, channelId: null },
        now: this.now(),
      }),
    );
    s.on("session:ended", ({ reason, code }) => {
      if (reason === "logout" || reason === "revoked") this.forgetSession();
      // A session ended from elsewhere says why, where the login prompt shows it.
      if (reason === "revoked") this.notice("error", code ? errorHeadlines[code] : revokedText, code, null);
    });
  }

  /** Ends this client: no more reconnects. */
  close(): void {
    this.closed = true;
    for (const timer of this.markTimers.values()) clearTimeout(timer);
    this.socket.disconnect();
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  private forgetSession(): void {
    this.tokens.clear();
    this.dispatch({ type: "logged-out" });
  }

  /** Emits any client event; the ack's error also appears as a notice unless `quiet`. */
  async request<E extends ClientEventName>(
    event: E,
    payload: ClientEventPayload<E>,
    quiet = false,
  ): Promise<Ack<ClientEventResult<E>>> {
    const ack = await call(this.socket, event, payload, this.timeoutMs);
    if (!ack.ok && !quiet) this.notice("error", ack.error.message, ack.error.code);
    return ack;
  }

  // ---- accounts ------------------------------------------------------------------------

  register(name: string, password: string) {
    return this.authenticate("auth:register", { name, password });
  }

  login(name: string, password: string) {
    return this.authenticate("auth:login", { name, password });
  }

  private async authenticate(
    event: "auth:register" | "auth:login",
    payload: { name: string; password: string },
  ): Promise<Ack<ClientEventResult<"auth:login">>> {
    // A login sent while the connection is still coming up waits for it instead of failing at once.
    await waitForState(this, (s) => s.status === "online", this.timeoutMs).catch(() => undefined);
    const ack = await this.request(event, payload, true);
    if (ack.ok) {
      this.tokens.save(ack.data.token);
      await this.catchUp();
    }
    return ack;
  }

  async logout(): Promise<void> {
    await this.request("auth:logout", {}, true);
    this.forgetSession();
  }

  // ---- catch-up ------------------------------------------------------------------------

  /**
   * After (re)connecting or logging in: one session:sync names every held conversation with its
   * cursor and answers with the channel list and, per conversation, the entries after the cursor,
   * or (too far behind, or never loaded) its newest page, taken as a fresh client would. Then the
   * outbox replays unacknowledged sends.
   */
  private async catchUp(): Promise<void> {
    // Conversations beyond the bound are simply not named: the server answers them with their newest page.
    const conversations = this.state.order.slice(0, limits.syncConversationsMax).flatMap((channelId) => {
      const channel = this.state.channels[channelId];
      return channel ? [{ channelId, after: channel.cursor }] : [];
    });
    const sync = await this.request("session:sync", { conversations }, true);
    if (!sync.ok) {
      // A busy or briefly failing server: try again rather than stay behind until the next reconnect.
      if (retryableSync.has(sync.error.code))
        setTimeout(
          () => this.closed || !this.socket.connected || void this.catchUp(),
          sync.error.retryAfterMs ?? 1_000,
        );
      return;
    }
    this.dispatch({ type: "session", me: sync.data.user, channels: sync.data.channels });
    this.dispatch({ type: "ignored", ignored: sync.data.ignored });
    this.dispatch({ type: "settings", settings: sync.data.settings });
    const refill: string[] = [];
    for (const change of sync.data.changes) {
      // Too far behind for the sync's bound but not far: page forward from the cursor instead of
      // starting afresh, so the lines already shown (and scrolled back to) stay, without a gap.
      const held = this.state.channels[change.channelId];
      const lastSeq = sync.data.channels.find((c) => c.id === change.channelId)?.lastSeq ?? 0;
      if (change.reset && held && held.messages.length > 0 && lastSeq - held.cursor <= REFILL_MAX) {
        refill.push(change.channelId);
        continue;
      }
      this.dispatch({
        type: "messages",
        channelId: change.channelId,
        messages: change.messages,
        page: change.reset ? "latest" : "newer",
        hasMore: change.hasMore,
      });
    }
    // Entries written after the sync was read reach the rooms live; a gap left behind is fetched.
    await Promise.all(
      Object.values(this.state.channels)
        .filter((c) => c.ahead.length > 0 || refill.includes(c.view.id))
        .map((c) => this.fetchNewer(c.view.id)),
    );
    await this.replayOutbox();
  }

  private async loadLatest(channelId: string): Promise<void> {
    const channel = this.state.channels[channelId];
    if (!channel) return;
    const ack = await this.request("history:read", { target: channel.target, limit: limits.historyPageDefault }, true);
    if (ack.ok)
      this.dispatch({
        type: "messages",
        channelId,
        messages: ack.data.messages,
        page: "latest",
        hasMore: ack.data.hasMore,
      });
  }

  /** Fetches every message after the channel's cursor, page by page. */
  private async fetchNewer(channelId: string): Promise<void> {
    if (this.fetchingNewer.has(channelId)) return;
    this.fetchingNewer.add(channelId);
    try {
      for (;;) {
        const channel = this.state.channels[channelId];
        if (!channel) return;
        const ack = await this.request(
          "history:read",
          { target: channel.target, after: channel.cursor, limit: CATCH_UP_PAGE },
          true,
        );
        if (!ack.ok) return;
        this.dispatch({ type: "messages", channelId, messages: ack.data.messages, page: "newer" });
        if (!ack.data.hasMore) return;
      }
    } finally {
      this.fetchingNewer.delete(channelId);
    }
  }

  private receive(message: Message): void {
    this.dispatch({ type: "messages", channelId: message.channelId, messages: [message] });
    const channel = this.state.channels[message.channelId];
    // A seq beyond the cursor means something was missed: fetch the gap.
    if (channel && message.seq > channel.cursor) void this.fetchNewer(message.channelId);
  }

  /** Loads the page before the oldest loaded message; resolves false when there is none. */
  async loadOlder(channelId: string, limit: number = limits.historyPageDefault): Promise<boolean> {
    const channel = this.state.channels[channelId];
    if (!channel || !channel.hasOlder) return false;
    const before = channel.messages[0]?.seq ?? channel.cursor + 1;
    const ack = await this.request("history:read", { target: channel.target, before, limit }, true);
    if (!ack.ok) return false;
    this.dispatch({
      type: "messages",
      channelId,
      messages: ack.data.messages,
      page: "older",
      hasMore: ack.data.hasMore,
    });
    return ack.data.messages.length > 0;
  }

  // ---- sending -------------------------------------------------------------------------

  /** Sends a message through the outbox: shown as pending until acknowledged, retried after reconnects. */
  async sendMessage(
    target: string,
    text: string,
    action = false,
    clientId = this.newClientId(),
    replyTo?: number,
  ): Promise<Ack<ClientEventResult<"message:send">>> {
    // Refused here, before the outbox: the caller keeps the text and shows how much to cut.
    const over = overLimitBy(text);
    if (over > 0) return { ok: false, error: tooLong(over) };
    const channelId = this.channelIdOf(target);
    const send: Outgoing = { clientId, target, text, action, ...(replyTo === undefined ? {} : { replyTo }) };
    if (channelId) this.dispatch({ type: "pending-add", send: { ...send, channelId, status: "sending" } });
    this.stopTyping();
    return this.deliver(send);
  }

  private async deliver(send: Outgoing, attempt = 0): Promise<Ack<ClientEventResult<"message:send">>> {
    // Lines behind a refused one wait with it, so they still reach the server in the order typed.
    if (this.rated.length > 0 && !this.rated.some((r) => r.send.clientId === send.clientId)) {
      this.rated.push({ send, tracked: this.isPending(send.clientId) });
      return { ok: false, error: { code: "RATE_LIMITED", message: rateLimitedText } };
    }
    const { clientId, target, text, action, replyTo } = send;
    const ack = await call(
      this.socket,
      "message:send",
      { target, text, clientId, ...(action ? { action } : {}), ...(replyTo === undefined ? {} : { replyTo }) },
      this.timeoutMs,
    );
    if (ack.ok) {
      this.dispatch({ type: "pending-done", clientId });
      this.receive(ack.data.message);
      this.settle(clientId, ack);
    } else if (ack.error.code === "RATE_LIMITED" && ack.error.retryAfterMs !== undefined) {
      // Sent faster than the server takes: the line waits its turn and goes again by itself,
      // still "sending", and the user is told once per burst rather than once per line.
      this.sayRateLimitedOnce(ack.error);
      this.holdRated(send, ack.error.retryAfterMs);
    } else if (ack.error.code !== "UNAVAILABLE") {
      // Refused for good (not a member, too long…): keep it visible as failed, with why.
      this.dispatch({ type: "pending-failed", clientId, error: ack.error });
      this.notice("error", ack.error.message, ack.error.code);
      this.settle(clientId, ack);
    }
    // UNAVAILABLE stays "sending": the outbox replays it on reconnect, or, when the connection
    // is up but the server could not commit (database briefly down), after a backoff.
    else if (this.socket.connected) this.retryLater(send, attempt);
    return ack;
  }

  /** Sends refused RATE_LIMITED and those typed after them, oldest first, waiting to go again. */
  private rated: { send: Outgoing; tracked: boolean }[] = [];
  private ratedTimer: ReturnType<typeof setTimeout> | null = null;
  private flushingRated = false;

  private isPending(clientId: string): boolean {
    return this.state.pending.some((p) => p.clientId === clientId && p.status === "sending");
  }

  /** Puts a refused send back at its place in the queue and sends the queue again after `delayMs`. */
  private holdRated(send: Outgoing, delayMs: number): void {
    if (!this.rated.some((r) => r.send.clientId === send.clientId))
      this.rated.push({ send, tracked: this.isPending(send.clientId) });
    if (this.ratedTimer !== null || this.flushingRated) return;
    this.ratedTimer = setTimeout(() => void this.flushRated(), delayMs);
  }

  /** Sends the waiting lines one at a time, in order, until the server refuses one again. */
  private async flushRated(): Promise<void> {
    this.ratedTimer = null;
    this.flushingRated = true;
    try {
      while (!this.closed && this.socket.connected) {
        const next = this.rated[0];
        if (!next) return;
        // A line the user dropped meanwhile (or that another path sent) is not sent again.
        if (next.tracked && !this.isPending(next.send.clientId)) {
          this.rated.shift();
          continue;
        }
        const ack = await this.sendQueued(next.send);
        if (!ack.ok && ack.error.code === "RATE_LIMITED") {
          this.ratedTimer = setTimeout(() => void this.flushRated(), ack.error.retryAfterMs ?? 1_000);
          return;
        }
        this.rated.shift();
      }
    } finally {
      this.flushingRated = false;
    }
  }

  /** One waiting line, delivered past the queue it heads; a refusal leaves it at the head. */
  private async sendQueued(send: Outgoing): Promise<Ack<ClientEventResult<"message:send">>> {
    const queue = this.rated;
    this.rated = [];
    try {
      return await this.deliver(send);
    } finally {
      // Lines queued while it was in flight stay behind it.
      const added = this.rated.filter((r) => !queue.some((q) => q.send.clientId === r.send.clientId));
      this.rated = [...queue, ...added];
    }
  }

  /** Tells of a rate limit when a burst starts, not again for each line or retry while the queue drains. */
  private sayRateLimitedOnce(error: ChatError): void {
    if (this.rated.length === 0 && !this.flushingRated) this.notice("info", rateLimitedText, error.code);
  }

  private settle(clientId: string, ack: Ack<ClientEventResult<"message:send">>): void {
    this.settled.get(clientId)?.(ack);
    this.settled.delete(clientId);
  }

  /**
   * Resolves with a send's final outcome: committed (after however many reconnects and
   * retries it took) or refused for good. `sendMessage` itself answers at the first attempt.
   */
  whenSettled(clientId: string): Promise<Ack<ClientEventResult<"message:send">>> {
    return new Promise((resolve) => this.settled.set(clientId, resolve));
  }

  private retryLater(send: Outgoing, attempt: number): void {
    const delay = Math.min(5_000, 250 * 2 ** attempt) * (0.5 + Math.random());
    setTimeout(() => {
      const still = this.state.pending.some((p) => p.clientId === send.clientId && p.status === "sending");
      if (still && !this.closed && this.socket.connected) void this.deliver(send, attempt + 1);
    }, delay);
  }

  /** Replays unacknowledged sends with their client ids (and reply targets): the server stores each once. */
  private async replayOutbox(): Promise<void> {
    for (const send of this.state.pending.filter((p) => p.status === "sending")) {
      await this.deliver(send);
    }
  }

  /** Drops a failed send from view, or tries it again. */
  retryPending(clientId: string): void {
    const send = this.state.pending.find((p) => p.clientId === clientId);
    if (!send) return;
    this.dispatch({ type: "pending-done", clientId });
    void this.sendMessage(send.target, send.text, send.action, undefined, send.replyTo);
  }

  discardPending(clientId: string): void {
    this.dispatch({ type: "pending-done", clientId });
  }

  // ---- lines: edit, delete, react, reply, read markers, jumps (issue 12) ------------------
  // Every method below answers with the refusal to show inline, or null when the server took it.

  /** Changes the user's preferences on the server; every device (this one too) hears settings:changed. */
  async updateSettings(patch: SettingsPatch): Promise<ChatError | null> {
    // Shown at once; the server's answer (or, refused, what was held) replaces the guess.
    const held = this.state.settings;
    this.dispatch({ type: "settings", settings: applySettingsPatch(held, patch) });
    const ack = await this.request("settings:update", patch, true);
    if (!ack.ok) {
      this.dispatch({ type: "settings", settings: held });
      return ack.error;
    }
    this.dispatch({ type: "settings", settings: ack.data.settings });
    return null;
  }

  /** Changes the text of one of the user's own lines (text or /me). */
  async editMessage(channelId: string, seq: number, text: string): Promise<ChatError | null> {
    const channel = this.state.channels[channelId];
    if (!channel) return noSuchConversation;
    const over = overLimitBy(text);
    if (over > 0) return tooLong(over);
    const ack = await this.request("message:edit", { target: channel.target, seq, text }, true);
    // The edit entry arrives live (to the window too, and to replies' summaries): nothing to apply here.
    return ack.ok ? null : ack.error;
  }

  /** Deletes a line: the user's own, or any as the channel's operator or owner (or an admin). */
  async deleteMessage(channelId: string, seq: number): Promise<ChatError | null> {
    const channel = this.state.channels[channelId];
    if (!channel) return noSuchConversation;
    const ack = await this.request("message:delete", { target: channel.target, seq }, true);
    return ack.ok ? null : ack.error;
  }

  /** Adds the user's reaction with `emoji` to a line, or takes it back when they already reacted with it. */
  async toggleReaction(channelId: string, seq: number, emoji: string): Promise<ChatError | null> {
    const channel = this.state.channels[channelId];
    if (!channel) return noSuchConversation;
    const line = [...channel.messages, ...(channel.window?.messages ?? [])].find((m) => m.seq === seq);
    const mine = line?.reactions?.some((r) => r.emoji === emoji && r.me) ?? false;
    const ack = await this.request(
      mine ? "message:unreact" : "message:react",
      { target: channel.target, seq, emoji },
      true,
    );
    return ack.ok ? null : ack.error;
  }

  /** Sends `text` as a reply to the line `seq` of the conversation, through the outbox like any send. */
  async reply(channelId: string, seq: number, text: string): Promise<ChatError | null> {
    const channel = this.state.channels[channelId];
    if (!channel) return noSuchConversation;
    const ack = await this.sendMessage(channel.target, text, false, this.newClientId(), seq);
    // UNAVAILABLE: it waits in the outbox and is replayed, reply target included.
    return ack.ok || ack.error.code === "UNAVAILABLE" || ack.error.code === "RATE_LIMITED" ? null : ack.error;
  }

  /**
   * Moves the read marker to the newest entry loaded in the conversation (call it when the user
   * actually sees the lines: the web while the tab is focused and the bottom is visible, the
   * terminal for the active window). Nothing is sent when the marker is already there, nor while a
   * jump's window shows older lines instead of the newest.
   */
  markRead(channelId: string): void {
    const channel = this.state.channels[channelId];
    if (!channel || channel.window) return;
    const newest = Math.max(channel.cursor, channel.messages.at(-1)?.seq ?? 0);
    if (newest <= channel.readSeq) return;
    this.dispatch({ type: "read-local", channelId, readSeq: newest });
    this.sendMarkSoon(channelId);
  }

  /**
   * Tells the server the newest marker of a conversation at most once per READ_MARK_EVERY_MS: the
   * first at once, later ones folded into one at the end of the interval. A user watching a busy
   * channel marks on every line; the server needs the last of them, not each.
   */
  private sendMarkSoon(channelId: string): void {
    if (this.markTimers.has(channelId)) return;
    const send = () => {
      const channel = this.state.channels[channelId];
      if (channel && channel.readSeq > (this.markSent.get(channelId) ?? 0)) {
        this.markSent.set(channelId, channel.readSeq);
        void this.request("read:mark", { target: channel.target, seq: channel.readSeq }, true);
      }
    };
    send();
    this.markTimers.set(
      channelId,
      setTimeout(() => {
        this.markTimers.delete(channelId);
        if (!this.closed) send();
      }, READ_MARK_EVERY_MS),
    );
  }

  /**
   * Shows the line `seq`: when it is loaded, nothing to fetch; otherwise older pages are loaded
   * until it is, or, when it lies far back, a window around it (`ChannelState.window`).
   * Resolves with the line, or null when it does not exist.
   */
  async jumpTo(channelId: string, seq: number): Promise<Message | null> {
    const loaded = () => this.state.channels[channelId]?.messages.find((m) => m.seq === seq) ?? null;
    const channel = this.state.channels[channelId];
    if (!channel) return null;
    const oldest = channel.messages[0]?.seq ?? channel.cursor + 1;
    if (loaded() === null && oldest - seq <= JUMP_LOAD_MAX) {
      while (loaded() === null) {
        const first = this.state.channels[channelId]?.messages[0]?.seq ?? 0;
        if (first !== 0 && first < seq) break; // within the loaded range but not a line: it does not exist
        if (!(await this.loadOlder(channelId, CATCH_UP_PAGE))) break;
      }
    }
    const line = loaded();
    if (line) {
      if (this.state.channels[channelId]?.window) this.closeWindow(channelId);
      return line;
    }
    if (oldest - seq <= JUMP_LOAD_MAX) return null;
    return this.openWindow(channelId, seq);
  }

  /** Reads the page around a far line into the conversation's window. */
  private async openWindow(channelId: string, seq: number): Promise<Message | null> {
    const channel = this.state.channels[channelId];
    if (!channel) return null;
    const ack = await this.request(
      "history:read",
      { target: channel.target, around: seq, limit: limits.historyPageDefault },
      true,
    );
    if (!ack.ok) return null;
    // Lines come in their current state; the change entries among them are already in.
    const { messages } = mergeMessages({ messages: [], cursor: 0, ahead: [] }, ack.data.messages, {
      meId: this.state.me?.id ?? null,
    });
    const line = messages.find((m) => m.seq === seq) ?? null;
    if (!line) return null;
    this.dispatch({
      type: "window",
      channelId,
      window: { focusSeq: seq, messages, hasOlder: ack.data.hasMore, hasNewer: ack.data.hasNewer ?? false },
    });
    return line;
  }

  /** Leaves a jump's window: the conversation shows its newest lines again. */
  closeWindow(channelId: string): void {
    this.dispatch({ type: "window", channelId, window: null });
  }

  /** Removes a notice or an admin alert from view once the user has read it. */
  dismiss(noticeId: number): void {
    this.dispatch({ type: "dismiss", id: noticeId });
  }

  /** Call on each keystroke in the composer; renews the indication at most every few seconds. */
  typing(target: string): void {
    // The user turned typing notices off: others are not told either.
    if (!this.state.settings.typingNotices) return;
    const now = this.now();
    if (this.typingTarget === target && now - this.typingSentAt < TYPING_RENEW_MS) return;
    this.typingTarget = target;
    this.typingSentAt = now;
    void this.request("typing:set", { target, typing: true }, true);
  }

  stopTyping(): void {
    if (this.typingTarget === null) return;
    const target = this.typingTarget;
    this.typingTarget = null;
    void this.request("typing:set", { target, typing: false }, true);
  }

  // ---- navigation and commands ---------------------------------------------------------

  select(channelId: string | null): void {
    this.stopTyping();
    this.dispatch({ type: "select", channelId });
  }

  /** The id of the channel or direct conversation a target names, if it is open. */
  channelIdOf(target: string): string | undefined {
    const key = target.toLowerCase();
    return this.state.order.find((id) => this.state.channels[id]?.target.toLowerCase() === key);
  }

  async loadMembers(channelId: string): Promise<void> {
    const channel = this.state.channels[channelId];
    if (!channel) return;
    if (channel.view.kind === "direct") return this.loadPeer(channelId);
    const ack = await this.request("channel:who", { channel: channel.target }, true);
    if (ack.ok) this.dispatch({ type: "members", channelId, members: ack.data.members, asOf: ack.data.asOf });
  }

  /**
   * A direct conversation's "member list" is the other person, read with user:whois: whether
   * they are online and away. presence:changes and user:away then keep it current, as they do a
   * channel's members.
   */
  private async loadPeer(channelId: string): Promise<void> {
    const peer = this.state.channels[channelId]?.view.peer;
    if (!peer) return;
    const ack = await this.request("user:whois", { nick: peer.name }, true);
    if (!ack.ok) return;
    const { user, online, away } = ack.data;
    const member: MemberView = {
      id: user.id,
      name: user.name,
      role: "member",
      isAdmin: user.isAdmin,
      online,
      ...(away === null ? {} : { away }),
      ...(user.isBot ? { isBot: true as const } : {}),
    };
    this.dispatch({ type: "members", channelId, members: [member] });
  }

  /**
   * Runs what the user typed in the composer: plain text is said in the open channel, a slash
   * command is parsed by the shared grammar and sent as its event. Returns an error to show
   * inline, or null when the input was accepted (clear the composer).
   */
  async submit(text: string): Promise<ChatError | ParseError | null> {
    const current = activeChannel(this.state);
    const plan = planInput(text, current?.target);
    switch (plan.kind) {
      case "refused": {
        // Plain text too long: say how much to cut (the view keeps the text).
        const over = text.startsWith("/") ? 0 : overLimitBy(text);
        return over > 0 ? tooLong(over) : plan.error;
      }
      case "help": {
        const ack = await this.request("server:help", plan.command ? { command: plan.command } : {}, true);
        if (ack.ok) this.notice("info", ack.data.lines.join("\n"));
        return ack.ok ? null : ack.error;
      }
      case "query":
        return this.openDirect(plan.nick);
      case "goto":
        // A jump is drawn by the view (the terminal's /goto); this core cannot show it.
        return gotoHere;
      case "line":
        return this.runLineCommand(plan.command);
      case "say": {
        const ack = await this.sendMessage(plan.target, plan.text, plan.action);
        // Queued in the outbox (offline), or waiting out a rate limit: it goes out by itself.
        if (!ack.ok && (ack.error.code === "UNAVAILABLE" || ack.error.code === "RATE_LIMITED")) return null;
        if (ack.ok && !current && isChannelName(plan.target) === false) this.select(ack.data.message.channelId);
        return ack.ok ? null : ack.error;
      }
      default:
        return this.runCommand(plan.command);
    }
  }

  /** /edit, /delete, /react and /reply: finds the line they are about in the open conversation. */
  private async runLineCommand(command: LineCommand): Promise<ChatError | null> {
    const current = activeChannel(this.state);
    if (!current) return { code: "NO_SUCH_CHANNEL", message: "Open a conversation first." };
    const channelId = current.view.id;
    const own = () => lastOwnLine(current, this.state.me?.id);
    const nth = (n: number) => lineFromBottom(current, n);
    switch (command.name) {
      case "edit": {
        const line = own();
        return line ? this.editMessage(channelId, line.seq, command.text) : noOwnLine;
      }
      case "delete": {
        const line = command.line === undefined ? own() : nth(command.line);
        return line ? this.deleteMessage(channelId, line.seq) : command.line === undefined ? noOwnLine : noLine;
      }
      case "react": {
        const line = nth(command.line ?? 1);
        return line ? this.toggleReaction(channelId, line.seq, command.emoji) : noLine;
      }
      case "reply": {
        const line = nth(command.line);
        return line ? this.reply(channelId, line.seq, command.text) : noLine;
      }
    }
  }

  private async runCommand(command: EventCommand): Promise<ChatError | null> {
    if (command.event === "auth:logout") {
      await this.logout();
      return null;
    }
    const ack = await (this.request as (e: string, p: unknown, q: boolean) => Promise<Ack<unknown>>)(
      command.event,
      command.payload,
      true,
    );
    if (!ack.ok) return ack.error;
    this.afterCommand(command.event, ack.data);
    return null;
  }

  /** Shows a command's answer where the user expects it and follows it where it leads. */
  private afterCommand(event: ClientEventName, data: unknown): void {
    if (event === "channel:join") {
      const { channel } = data as ClientEventResult<"channel:join">;
      if (!(channel.id in this.state.channels)) this.dispatch({ type: "joined", channel });
      this.select(channel.id);
      return;
    }
    if (event === "user:ignore" || event === "user:unignore") {
      this.dispatch({ type: "ignored", ignored: (data as ClientEventResult<"user:ignore">).ignored });
    }
    if (event === "channel:who") {
      const active = this.state.activeId;
      const { members, asOf } = data as ClientEventResult<"channel:who">;
      if (active) this.dispatch({ type: "members", channelId: active, members, asOf });
    }
    if (event === "token:create") {
      const made = data as ClientEventResult<"token:create">;
      const notice = {
        kind: "info",
        text: newTokenText(made),
        secret: made.token,
        channelId: this.state.activeId,
      } as const;
      this.dispatch({ type: "notice", notice, now: this.now() });
      return;
    }
    const text = describeCommandResult(event, data);
    if (text) this.notice("info", text);
  }

  /**
   * Closes the direct conversation with `nick` on every device of this user (direct:closed takes
   * it off the lists) until a new line arrives in it or it is opened again.
   */
  async closeDirect(nick: string): Promise<ChatError | null> {
    const ack = await this.request("direct:close", { nick }, true);
    return ack.ok ? null : ack.error;
  }

  /** The closed direct conversation with `nick` back in the list (channel:joined), or null when there is none. */
  async reopenDirect(nick: string): Promise<string | null> {
    const ack = await this.request("direct:open", { nick }, true);
    if (!ack.ok) return null;
    // The ack may come before the event: add it now, as the event would.
    if (!(ack.data.channel.id in this.state.channels)) {
      this.dispatch({ type: "joined", channel: ack.data.channel });
      void this.loadLatest(ack.data.channel.id);
    }
    return ack.data.channel.id;
  }

  /** Opens the direct conversation with a nick: an existing one, or one that starts with the first message. */
  async openDirect(nick: string): Promise<ChatError | null> {
    const existing = this.channelIdOf(nick);
    if (existing) {
      this.select(existing);
      return null;
    }
    // One closed earlier (here or on another device) comes back as it was.
    const reopened = await this.reopenDirect(nick);
    if (reopened) {
      this.select(reopened);
      return null;
    }
    const ack = await this.request("history:read", { target: nick, limit: limits.historyPageDefault }, true);
    if (!ack.ok) return ack.error;
    if (ack.data.channelId && ack.data.channelId in this.state.channels) {
      this.select(ack.data.channelId);
      return null;
    }
    this.notice("info", `Say something to start a conversation with ${nick}: /msg ${nick} hello`);
    return null;
  }
}

/** Said once when sends are refused for going too fast: they are retried, not lost. */
export const rateLimitedText = "Sending faster than the server takes: the lines wait and go out by themselves.";

/** What a session revoked from another of the user's sessions (or by a password change) says. */
export const revokedText =
  "This session was ended from another of your sessions or by a password change: log in again.";

/** Refusals of a catch-up that pass by themselves. */
const retryableSync: ReadonlySet<string> = new Set(["RATE_LIMITED", "UNAVAILABLE", "INTERNAL"]);

/** A send as the outbox keeps it to replay. */
type Outgoing = Pick<PendingSend, "clientId" | "target" | "text" | "action" | "replyTo">;

const noSuchConversation: ChatError = { code: "NO_SUCH_CHANNEL", message: "That conversation is not open." };
const noOwnLine: ChatError = { code: "NO_SUCH_MESSAGE", message: "You have said nothing here yet." };
const noLine: ChatError = { code: "NO_SUCH_MESSAGE", message: "There is no such line here: 1 is the last said line." };
const gotoHere: ChatError = {
  code: "UNKNOWN_COMMAND",
  message: "/goto is the terminal's: here, click the quoted line above a reply to jump to it.",
};
const tooLong = (over: number): ChatError => ({
  code: "INVALID_PAYLOAD",
  message: `Too long by ${over} character${over === 1 ? "" : "s"}: cut ${over} to send (at most ${limits.messageMaxLength}).`,
});
