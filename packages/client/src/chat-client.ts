import {
  isChannelName,
  limits,
  type Ack,
  type ChatError,
  type ClientEventName,
  type ClientEventPayload,
  type ClientEventResult,
  type HandshakeRefusal,
  type EventCommand,
  type Message,
  type ParseError,
} from "@canaduck/contract";
import { errorHeadlines } from "./error-text";
import { call, openSocket, type ChatSocket, type SocketOverrides } from "./connection";
import { chatReducer, type ChatAction } from "./reducer";
import { activeChannel, initialState, type ChatState } from "./state";
import { memoryTokenStore, type TokenStore } from "./token-store";
import { describeCommandResult } from "./describe-result";
import { planInput } from "./input-plan";
import { waitForState } from "./wait-for-state";

export interface ChatClientOptions {
  url: string;
  tokens?: TokenStore;
  socket?: SocketOverrides;
  callTimeoutMs?: number;
  now?: () => number;
  newClientId?: () => string;
}

/** Pages fetched per round trip when catching up after a reconnect. */
const CATCH_UP_PAGE = limits.historyPageMax;
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
    s.on("channel:left", ({ channelId, name, reason }) => {
      this.dispatch({ type: "left", channelId });
      if (reason !== "part")
        this.notice("info", `You were ${reason === "kick" ? "kicked from" : "banned from"} ${name}.`, undefined, null);
    });
    s.on("channel:updated", ({ channel }) => this.dispatch({ type: "updated", channel }));
    s.on("channel:invited", ({ channel, by }) =>
      this.notice("info", `${by} invited you to ${channel}: /join ${channel}`, undefined, null),
    );
    s.on("user:updated", (p) => this.dispatch({ type: "user-updated", ...p }));
    s.on("presence:changed", (p) => this.dispatch({ type: "presence", ...p }));
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
      if (code === "SUSPENDED") this.notice("error", errorHeadlines.SUSPENDED, code, null);
    });
  }

  /** Ends this client: no more reconnects. */
  close(): void {
    this.closed = true;
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
   * After (re)connecting: refresh the channel list, fetch everything after each channel's
   * cursor (or the latest page for channels never loaded), then replay unacknowledged sends.
   */
  private async catchUp(): Promise<void> {
    const session = await this.request("session:state", {}, true);
    if (!session.ok) return;
    this.dispatch({ type: "session", me: session.data.user, channels: session.data.channels });
    await Promise.all(
      session.data.channels.map((view) => {
        const channel = this.state.channels[view.id];
        return channel && channel.messages.length > 0 ? this.fetchNewer(view.id) : this.loadLatest(view.id);
      }),
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
  async loadOlder(channelId: string): Promise<boolean> {
    const channel = this.state.channels[channelId];
    if (!channel || !channel.hasOlder) return false;
    const before = channel.messages[0]?.seq ?? channel.cursor + 1;
    const ack = await this.request(
      "history:read",
      { target: channel.target, before, limit: limits.historyPageDefault },
      true,
    );
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
  ): Promise<Ack<ClientEventResult<"message:send">>> {
    const channelId = this.channelIdOf(target);
    if (channelId)
      this.dispatch({ type: "pending-add", send: { clientId, channelId, target, text, action, status: "sending" } });
    this.stopTyping();
    return this.deliver(clientId, target, text, action);
  }

  private async deliver(
    clientId: string,
    target: string,
    text: string,
    action: boolean,
    attempt = 0,
  ): Promise<Ack<ClientEventResult<"message:send">>> {
    const ack = await call(
      this.socket,
      "message:send",
      { target, text, clientId, ...(action ? { action } : {}) },
      this.timeoutMs,
    );
    if (ack.ok) {
      this.dispatch({ type: "pending-done", clientId });
      this.receive(ack.data.message);
      this.settle(clientId, ack);
    } else if (ack.error.code !== "UNAVAILABLE") {
      // Refused for good (not a member, too long…): keep it visible as failed, with why.
      this.dispatch({ type: "pending-failed", clientId, error: ack.error });
      this.notice("error", ack.error.message, ack.error.code);
      this.settle(clientId, ack);
    }
    // UNAVAILABLE stays "sending": the outbox replays it on reconnect, or, when the connection
    // is up but the server could not commit (database briefly down), after a backoff.
    else if (this.socket.connected) this.retryLater(clientId, target, text, action, attempt);
    return ack;
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

  private retryLater(clientId: string, target: string, text: string, action: boolean, attempt: number): void {
    const delay = Math.min(5_000, 250 * 2 ** attempt) * (0.5 + Math.random());
    setTimeout(() => {
      const still = this.state.pending.some((p) => p.clientId === clientId && p.status === "sending");
      if (still && !this.closed && this.socket.connected)
        void this.deliver(clientId, target, text, action, attempt + 1);
    }, delay);
  }

  private async replayOutbox(): Promise<void> {
    for (const send of this.state.pending.filter((p) => p.status === "sending")) {
      await this.deliver(send.clientId, send.target, send.text, send.action);
    }
  }

  /** Drops a failed send from view, or tries it again. */
  retryPending(clientId: string): void {
    const send = this.state.pending.find((p) => p.clientId === clientId);
    if (!send) return;
    this.dispatch({ type: "pending-done", clientId });
    void this.sendMessage(send.target, send.text, send.action);
  }

  discardPending(clientId: string): void {
    this.dispatch({ type: "pending-done", clientId });
  }

  // ---- lines: edit, delete, react, reply, read markers, jumps (issue 12) ------------------
  // Every method below answers with the refusal to show inline, or null when the server took it.

  /** Changes the text of one of the user's own lines (text or /me). */
  async editMessage(channelId: string, seq: number, text: string): Promise<ChatError | null> {
    void channelId, void seq, void text;
    throw new Error("editMessage: to be built");
  }

  /** Deletes a line: the user's own, or any as the channel's operator or owner (or an admin). */
  async deleteMessage(channelId: string, seq: number): Promise<ChatError | null> {
    void channelId, void seq;
    throw new Error("deleteMessage: to be built");
  }

  /** Adds the user's reaction with `emoji` to a line, or takes it back when they already reacted with it. */
  async toggleReaction(channelId: string, seq: number, emoji: string): Promise<ChatError | null> {
    void channelId, void seq, void emoji;
    throw new Error("toggleReaction: to be built");
  }

  /** Sends `text` as a reply to the line `seq` of the conversation, through the outbox like any send. */
  async reply(channelId: string, seq: number, text: string): Promise<ChatError | null> {
    void channelId, void seq, void text;
    throw new Error("reply: to be built");
  }

  /**
   * Moves the read marker to the newest line loaded in the conversation (call it when the user
   * actually sees the lines: the web while the tab is focused and the bottom is visible, the
   * terminal for the active window). Nothing is sent when the marker is already there.
   */
  markRead(channelId: string): void {
    void channelId;
    throw new Error("markRead: to be built");
  }

  /**
   * Shows the line `seq`: when it is loaded, nothing to fetch; otherwise older pages are loaded
   * until it is, or, when it lies far back, a window around it (`ChannelState.window`).
   * Resolves with the line, or null when it does not exist.
   */
  async jumpTo(channelId: string, seq: number): Promise<Message | null> {
    void channelId, void seq;
    throw new Error("jumpTo: to be built");
  }

  /** Leaves a jump's window: the conversation shows its newest lines again. */
  closeWindow(channelId: string): void {
    void channelId;
    throw new Error("closeWindow: to be built");
  }

  /** Removes a notice or an admin alert from view once the user has read it. */
  dismiss(noticeId: number): void {
    this.dispatch({ type: "dismiss", id: noticeId });
  }

  /** Call on each keystroke in the composer; renews the indication at most every few seconds. */
  typing(target: string): void {
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
    if (!channel || channel.view.kind !== "channel") return;
    const ack = await this.request("channel:who", { channel: channel.target }, true);
    if (ack.ok) this.dispatch({ type: "members", channelId, members: ack.data.members });
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
      case "refused":
        return plan.error;
      case "help": {
        const ack = await this.request("server:help", plan.command ? { command: plan.command } : {}, true);
        if (ack.ok) this.notice("info", ack.data.lines.join("\n"));
        return ack.ok ? null : ack.error;
      }
      case "query":
        return this.openDirect(plan.nick);
      case "say": {
        const ack = await this.sendMessage(plan.target, plan.text, plan.action);
        if (!ack.ok && ack.error.code === "UNAVAILABLE") return null; // queued in the outbox
        if (ack.ok && !current && isChannelName(plan.target) === false) this.select(ack.data.message.channelId);
        return ack.ok ? null : ack.error;
      }
      default:
        return this.runCommand(plan.command);
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
    if (event === "channel:who") {
      const active = this.state.activeId;
      if (active)
        this.dispatch({
          type: "members",
          channelId: active,
          members: (data as ClientEventResult<"channel:who">).members,
        });
    }
    const text = describeCommandResult(event, data);
    if (text) this.notice("info", text);
  }

  /** Opens the direct conversation with a nick: an existing one, or one that starts with the first message. */
  async openDirect(nick: string): Promise<ChatError | null> {
    const existing = this.channelIdOf(nick);
    if (existing) {
      this.select(existing);
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
