import type { ServerResponse } from "node:http";
import { clientEvents, limits, messageSchema, type Ack, type Message } from "@canaduck/contract";
import type { UserActor } from "@canaduck/domain";
import type { HttpBindings } from "@hono/node-server";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import type { Context } from "hono";
import type { Logger } from "../logger";
import type { ConnectReads } from "../realtime/connect-batches";
import type { VirtualConnection, VirtualConnectionOptions } from "../realtime/virtual-socket";
import { actorOf, bearerToken } from "./bearer";
import { decodePosition, encodePosition, type EventPosition } from "./event-position";
import { invalid, problemResponse } from "./problem";

export interface EventStreamDeps {
  reads: ConnectReads;
  logger: Logger;
  /** A connection in the same rooms as a browser's, through the same command path. */
  openConnection(options: VirtualConnectionOptions): VirtualConnection;
  /** How often a comment line keeps an idle stream (and the proxies on its way) open. */
  heartbeatMs: number;
  /** A consumer holding more than this unread is dropped, as a Socket.IO client is. */
  maxQueuedBytes: number;
}

/** Where the stream is served, under /api/v1. */
export const EVENTS_PATH = "/events";

type SyncResult = (typeof clientEvents)["session:sync"]["result"]["_output"];
type Run = (event: string, payload: unknown) => Promise<Ack<unknown>>;

/** What one stream writes: each event an SSE message, JSON in one `data:` line. */
class SseWriter {
  private ended = false;
  constructor(private readonly res: ServerResponse) {}

  send(event: string, data: unknown, id?: string): void {
    if (this.ended) return;
    const head = id === undefined ? "" : `id: ${id}\n`;
    this.res.write(`${head}event: ${event}\ndata: ${JSON.stringify(data ?? null)}\n\n`);
  }

  comment(text: string): void {
    if (!this.ended) this.res.write(`: ${text}\n\n`);
  }

  /** What the consumer has not read yet: in the response, then in the socket's buffer. */
  queuedBytes(): number {
    return this.res.writableLength + (this.res.socket?.writableLength ?? 0);
  }

  /** Ends the stream; one that is not being read is cut, as waiting would keep its buffer. */
  end(cut: boolean): void {
    if (this.ended) return;
    this.ended = true;
    if (cut) this.res.destroy();
    else this.res.end();
  }
}

const isEntry = (payload: unknown): payload is Message => messageSchema.safeParse(payload).success;

/**
 * Turns what the connection receives into stream messages, each log entry exactly once: while
 * the catch-up runs, live events wait; then any entry at or below the seq already delivered for
 * its conversation is dropped (the catch-up had it), and each one delivered moves the position
 * that is the messages' `id:`.
 */
class EventFeed {
  private waiting: Array<[string, unknown]> | null = [];

  constructor(
    private readonly position: EventPosition,
    private readonly out: SseWriter,
  ) {}

  /** Bytes of events held back during the catch-up, counted as queued for the consumer. */
  waitingBytes(): number {
    return (this.waiting?.length ?? 0) * 512;
  }

  live(event: string, payload: unknown): void {
    if (this.waiting) this.waiting.push([event, payload]);
    else this.forward(event, payload);
  }

  forward(event: string, payload: unknown): void {
    if (event === "message:new" && isEntry(payload)) {
      const held = this.position.get(payload.channelId);
      if (held !== undefined && payload.seq <= held) return;
      this.position.set(payload.channelId, payload.seq);
      this.out.send(event, payload, encodePosition(this.position));
      return;
    }
    if (event === "channel:left") {
      const left = (payload as { channelId?: unknown } | null)?.channelId;
      if (typeof left === "string") this.position.delete(left);
    }
    this.out.send(event, payload);
  }

  /** The position as it stands, for the first message of a stream. */
  id(): string {
    return encodePosition(this.position);
  }

  /** The catch-up is done: what arrived meanwhile goes out, minus what it already delivered. */
  release(): void {
    const waiting = this.waiting ?? [];
    this.waiting = null;
    for (const [event, payload] of waiting) this.forward(event, payload);
  }
}

/**
 * The entries of a conversation after `after`, oldest first, page by page: for one too far
 * behind for session:sync to list, so a consumer away a long time still misses nothing.
 */
async function pageForward(run: Run, target: string, after: number, feed: EventFeed): Promise<void> {
  for (let from = after; ;) {
    const page = await run("history:read", { target, after: from, limit: limits.historyPageMax });
    if (!page.ok) throw new Error(`history:read ${target} failed: ${page.error.code}`);
    const { messages, hasMore } = clientEvents["history:read"].result.parse(page.data);
    for (const message of messages) feed.forward("message:new", message);
    const last = messages.at(-1);
    if (!hasMore || last === undefined) return;
    from = last.seq;
  }
}

/**
 * Where the stream starts: a new one at the end of each conversation's log; a resumed one where
 * the consumer was, minus the conversations it has left meanwhile.
 */
function startAt(synced: SyncResult, held: EventPosition | null, position: EventPosition): void {
  const joined = new Set(synced.channels.map((c) => c.id));
  for (const channelId of [...position.keys()]) if (!joined.has(channelId)) position.delete(channelId);
  if (held === null) for (const channel of synced.channels) position.set(channel.id, channel.lastSeq);
}

/** Delivers what a resumed stream missed: session:sync's changes, and pages where it was too far behind. */
async function catchUp(run: Run, synced: SyncResult, held: EventPosition, feed: EventFeed): Promise<void> {
  const changes = new Map(synced.changes.map((c) => [c.channelId, c]));
  for (const channel of synced.channels) {
    const after = held.get(channel.id);
    const change = changes.get(channel.id);
    if (after !== undefined && change?.reset === true) {
      const target = channel.kind === "direct" ? (channel.peer?.name ?? channel.name) : channel.name;
      await pageForward(run, target, after, feed);
    } else {
      // Named and close enough: its changes; joined while away: its newest page.
      for (const message of change?.messages ?? []) feed.forward("message:new", message);
    }
  }
}

async function openStream(
  deps: EventStreamDeps,
  c: Context<{ Bindings: HttpBindings }>,
  actor: UserActor,
  token: string,
  held: EventPosition | null,
  address: string,
): Promise<Response> {
  const res = c.env.outgoing;
  const out = new SseWriter(res);
  const position: EventPosition = new Map(held ?? []);
  const feed = new EventFeed(position, out);
  let opened = false;
  const queued = () => out.queuedBytes() + feed.waitingBytes();
  const conn = deps.openConnection({
    address,
    authenticated: { actor, token },
    transport: {
      deliver: (event, payload) => {
        // Checked at each event too, not only by the node's periodic guard: a burst fills fast.
        if (queued() > deps.maxQueuedBytes) {
          deps.logger.warn({ conn: conn.connectionId, queued: queued() }, "dropping a connection that stopped reading");
          conn.close();
          out.end(true);
          return;
        }
        feed.live(event, payload);
      },
      // Before the answer is written, the catch-up's refusal answers instead.
      closed: () => {
        if (opened) out.end(queued() > deps.maxQueuedBytes);
      },
      queuedBytes: queued,
    },
  });
  const synced = await conn.run("session:sync", {
    conversations: [...position].map(([channelId, after]) => ({ channelId, after })),
  });
  if (!synced.ok) {
    conn.close();
    return problemResponse(synced.error);
  }
  const heartbeat = setInterval(() => out.comment("heartbeat"), deps.heartbeatMs);
  res.on("close", () => {
    clearInterval(heartbeat);
    conn.close();
    out.end(false);
  });
  res.writeHead(200, {
    "Content-Type": "text/event-stream; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Accel-Buffering": "no",
  });
  res.flushHeaders();
  opened = true;
  const state = clientEvents["session:sync"].result.parse(synced.data);
  startAt(state, held, position);
  out.send("stream:ready", { user: state.user, channels: state.channels, resumed: held !== null }, feed.id());
  try {
    if (held !== null) await catchUp((event, payload) => conn.run(event, payload), state, held, feed);
  } catch (error) {
    deps.logger.warn({ err: error, conn: conn.connectionId }, "an event stream's catch-up failed; closing it");
    conn.close();
    out.end(false);
    return RESPONSE_ALREADY_SENT;
  }
  feed.release();
  return RESPONSE_ALREADY_SENT;
}

/**
 * GET /api/v1/events: what a browser of the same user receives, as Server-Sent Events. A virtual
 * connection joins the user's rooms, so events from this node and from others over Redis arrive
 * alike; `Last-Event-ID` resumes from the position the consumer holds, through session:sync.
 */
export async function serveEvents(
  deps: EventStreamDeps,
  c: Context<{ Bindings: HttpBindings }>,
  address: string,
): Promise<Response> {
  const header = c.req.header("authorization");
  const actor = await actorOf(deps.reads, header);
  if ("code" in actor) return problemResponse(actor);
  const token = bearerToken(header);
  if (token === null) return problemResponse({ code: "NOT_AUTHENTICATED", message: "Send a Bearer token." });
  const lastEventId = c.req.header("last-event-id");
  const held = lastEventId === undefined ? null : decodePosition(lastEventId.trim());
  if (lastEventId !== undefined && held === null)
    return invalid("Last-Event-ID is not a position this server wrote (`<channelId>:<seq>`, comma-separated).");
  return openStream(deps, c, actor, token, held, address);
}
