import type { Socket } from "node:net";
import type { Ack, ClientEventName, ClientEventPayload, ClientEventResult, UserRef } from "@canaduck/contract";
import type { Logger } from "../logger";
import type { VirtualConnection, VirtualConnectionOptions } from "../realtime/virtual-socket";
import type { IrcConfig } from "../config";
import { dispatchLine } from "./dispatch";
import { deliverEvent } from "./deliver";
import { LineSplitter, serialize, type IrcMessage, type TagValue } from "./line";
import { SERVER_NAME } from "./server-info";

export interface IrcDeps {
  openConnection(options: VirtualConnectionOptions): VirtualConnection;
  irc: IrcConfig;
  maxChannelsPerUser: number;
  /** Bytes written and not yet sent past which a client that stopped reading is dropped. */
  maxQueuedBytes: number;
  logger: Logger;
  /** The connections this node holds now (LUSERS). */
  clientCount(): number;
}

/** A channel or direct conversation this client is in, by the name IRC calls it. */
export interface Conversation {
  id: string;
  kind: "channel" | "direct";
  /** "#dev", or for a direct conversation the other person's nick. */
  name: string;
  lastSeq: number;
  /** The newest entries seen, with their times: what a read marker's timestamp is matched against. */
  seen: Array<{ seq: number; time: string }>;
}

/** Lines a command given `@label=…` answers with, held to be sent as one labeled reply. */
interface LabelCollector {
  label: string;
  lines: IrcMessage[];
}

/** Silence after which the server PINGs, and after a PING, after which it gives up. */
const IDLE_MS = 120_000;

/** How many lines may wait to run before the socket stops being read. */
const MAX_PENDING_LINES = 16;

/**
 * One IRC client on a TCP (or TLS) socket: the registration state, the capabilities it
 * enabled, the conversations it is in, and the virtual connection its commands run through.
 */
/** Corked lines past this many bytes are sent at once (see write). */
const FLUSH_CORKED_AT = 16 * 1024;

export class IrcClient {
  nick = "*";
  username: string | null = null;
  registered = false;
  /** CAP LS or REQ was sent and CAP END not yet: registration waits. */
  capNegotiating = false;
  readonly caps = new Set<string>();
  account: UserRef | null = null;
  /**
   * The session was opened by this link's login (IRC always logs in with a password): it ends
   * with the link, or every reconnect would leave one more session behind until it expires.
   */
  ownsSession = false;
  readonly conversations = new Map<string, Conversation>();
  /** clientIds of this client's own sends: their copies arriving as events are not echoed twice. */
  readonly ownSends = new Set<string>();
  /** Quits already shown (author and time), see deliver.ts. */
  readonly recentQuits: string[] = [];
  /** SASL PLAIN in progress: the base64 received so far. */
  sasl: { buffer: string } | null = null;
  /** PASS as given: tried when registration completes. */
  pass: string | null = null;
  readonly connection: VirtualConnection;
  private label: LabelCollector | null = null;
  private pending = 0;
  private chain: Promise<void> = Promise.resolve();
  private readonly splitter = new LineSplitter();
  private closed = false;
  /** Settles once the link is closed and its session ended. */
  private ended: Promise<void> = Promise.resolve();
  private pinged = false;

  constructor(
    readonly socket: Socket,
    readonly deps: IrcDeps,
  ) {
    this.connection = deps.openConnection({
      address: socket.remoteAddress ?? "",
      transport: {
        deliver: (event, payload) => void this.guard(() => deliverEvent(this, event, payload)),
        closed: (reason) => this.close(`Closing link: ${reason}`),
        queuedBytes: () => socket.writableLength,
      },
    });
    socket.on("data", (data: Buffer) => this.received(data));
    socket.setTimeout(IDLE_MS, () => this.idle());
    socket.on("error", () => this.close());
    socket.on("close", () => this.close());
  }

  /** A command through the browser's path (queue, rate limits, authorization), typed by the contract. */
  call<E extends ClientEventName>(event: E, payload: ClientEventPayload<E>): Promise<Ack<ClientEventResult<E>>> {
    return this.connection.run(event, payload) as Promise<Ack<ClientEventResult<E>>>;
  }

  has(cap: string): boolean {
    return this.caps.has(cap);
  }

  private idle(): void {
    if (this.pinged) return this.close(`Ping timeout: ${IDLE_MS / 1000} seconds`);
    this.pinged = true;
    this.write({ tags: {}, command: "PING", params: [SERVER_NAME] });
  }

  private received(data: Buffer): void {
    this.pinged = false;
    for (const line of this.splitter.push(data)) {
      this.pending++;
      if (this.pending >= MAX_PENDING_LINES) this.socket.pause();
      this.chain = this.chain.then(async () => {
        await this.guard(() => dispatchLine(this, line));
        this.pending--;
        if (this.pending < MAX_PENDING_LINES && !this.closed) this.socket.resume();
      });
    }
  }

  /** Runs `work`; a failure is logged and answered, never left to crash the server. */
  async guard(work: () => void | Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.deps.logger.error({ err: error }, "IRC command failed");
      this.notice("The server could not complete that command.");
    }
  }

  /** Runs `work` with every line it sends tagged with the client's label (labeled-response). */
  async labeled(label: string | undefined, work: () => Promise<void>): Promise<void> {
    if (label === undefined || !this.has("labeled-response")) return work();
    const collector: LabelCollector = { label, lines: [] };
    this.label = collector;
    try {
      await work();
    } finally {
      this.label = null;
      this.flushLabel(collector);
    }
  }

  private flushLabel({ label, lines }: LabelCollector): void {
    const [only] = lines;
    if (lines.length === 0) return this.write({ tags: { label }, source: SERVER_NAME, command: "ACK", params: [] });
    if (lines.length === 1 && only) return this.write({ ...only, tags: { ...only.tags, label } });
    if (!this.has("batch")) return lines.forEach((line) => this.write(line));
    const id = `L${Math.random().toString(36).slice(2, 10)}`;
    this.write({ tags: { label }, source: SERVER_NAME, command: "BATCH", params: [`+${id}`, "labeled-response"] });
    for (const line of lines) this.write({ ...line, tags: { ...line.tags, batch: id } });
    this.write({ tags: {}, source: SERVER_NAME, command: "BATCH", params: [`-${id}`] });
  }

  /** Sends a line (held for the label while a labeled command runs). */
  send(message: IrcMessage): void {
    if (this.label) this.label.lines.push(message);
    else this.write(message);
  }

  /** The line as this client receives it: only the tags it asked for. */
  serialized(message: IrcMessage): string {
    // Tags only reach a client that asked for them; they would confuse one that did not.
    const tags: Record<string, TagValue> = this.has("message-tags") ? message.tags : this.plainTags(message.tags);
    return serialize({ ...message, tags });
  }

  /**
   * Which tags this client receives, as a key: clients with the same one receive a line
   * byte for byte the same, so a channel's line is serialized once for all of them.
   */
  tagProfile(): string {
    if (this.has("message-tags")) return "all";
    return ["server-time", "account-tag", "batch"].map((cap) => (this.has(cap) ? "1" : "0")).join("");
  }

  /**
   * Lines already serialized for this client (see tagProfile), unless a labeled command is
   * collecting what it sends: those go through `send` to be labeled.
   */
  sendSerialized(text: string, lines: () => IrcMessage[]): void {
    if (this.label) for (const line of lines()) this.label.lines.push(line);
    else if (text !== "") this.writeText(text);
  }

  private write(message: IrcMessage): void {
    if (this.closed) return;
    this.writeText(this.serialized(message));
  }

  private writeText(text: string): void {
    if (this.closed) return;
    this.corkUntilTickEnds();
    this.socket.write(text);
    // A long burst (a history playback) goes out as it grows: held back whole, it would count
    // against the queued-bytes bound though the kernel would take it at once.
    if (this.socket.writableLength >= FLUSH_CORKED_AT) this.uncork();
    if (this.socket.writableLength > this.deps.maxQueuedBytes) this.drop();
  }

  private corked = false;

  /**
   * The lines written in one tick (a command's replies, a batch of committed lines fanned out)
   * leave in one system call instead of one each: a call per line was a tenth of the gateway's CPU.
   */
  private corkUntilTickEnds(): void {
    if (this.corked) return;
    this.corked = true;
    this.socket.cork();
    process.nextTick(() => this.uncork());
  }

  private uncork(): void {
    if (!this.corked) return;
    this.corked = false;
    this.socket.uncork();
  }

  /** Without message-tags, only the tags of the capabilities the client enabled one by one. */
  private plainTags(tags: Record<string, TagValue>): Record<string, TagValue> {
    const kept: Record<string, TagValue> = {};
    for (const [key, value] of Object.entries(tags)) {
      const allowed =
        (key === "time" && this.has("server-time")) ||
        (key === "account" && this.has("account-tag")) ||
        (key === "batch" && this.has("batch")) ||
        (key === "label" && this.has("labeled-response"));
      if (allowed) kept[key] = value;
    }
    return kept;
  }

  /** A numeric reply: the server as source, the client's nick first. */
  reply(numeric: string, ...params: string[]): void {
    this.send({ tags: {}, source: SERVER_NAME, command: numeric, params: [this.nick, ...params] });
  }

  notice(text: string): void {
    this.send({ tags: {}, source: SERVER_NAME, command: "NOTICE", params: [this.nick, text] });
  }

  /** A standard reply (IRCv3 FAIL) for errors no numeric names. */
  fail(command: string, code: string, text: string, ...context: string[]): void {
    this.send({ tags: {}, source: SERVER_NAME, command: "FAIL", params: [command, code, ...context, text] });
  }

  conversationByName(name: string): Conversation | undefined {
    const lower = name.toLowerCase();
    for (const conversation of this.conversations.values())
      if (conversation.name.toLowerCase() === lower) return conversation;
    return undefined;
  }

  /** Ends the link: an ERROR line when there is something to say, then the socket. */
  close(error?: string): void {
    if (this.closed) return;
    this.closed = true;
    if (error !== undefined && !this.socket.destroyed)
      this.socket.write(serialize({ tags: {}, command: "ERROR", params: [error] }));
    this.ended = this.endSession();
    this.socket.end();
    // A client that stopped reading would keep the socket half-open: do not wait for it.
    setTimeout(() => this.socket.destroy(), 1_000).unref();
  }

  /** Waits for `close` to finish ending the session (a shutdown waits for it). */
  whenEnded(): Promise<void> {
    return this.ended;
  }

  /**
   * Logs the session out when this link opened it, then closes the connection. A connection the
   * server closed (the session ended elsewhere, QUIT, a shutdown) refuses the logout: nothing to do.
   */
  private async endSession(): Promise<void> {
    if (this.ownsSession) {
      const ack = await this.connection.run("auth:logout", {});
      if (!ack.ok && ack.error.code !== "UNAVAILABLE")
        this.deps.logger.warn({ connection: this.connection.connectionId, code: ack.error.code }, "IRC logout refused");
    }
    this.connection.close();
  }

  /** A client that stopped reading: nothing more is written, it catches up with chathistory. */
  private drop(): void {
    this.closed = true;
    this.deps.logger.info({ connection: this.connection.connectionId }, "IRC client dropped: it stopped reading");
    this.ended = this.endSession();
    this.socket.destroy();
  }
}
