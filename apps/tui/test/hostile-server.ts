import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { ChannelView, Message } from "@canaduck/contract";
import { Server, type Socket } from "socket.io";

/** Escape sequences a hostile server hides in names and messages: a clipboard write and a title change. */
export const CLIPBOARD_WRITE = `\u001b]52;c;${Buffer.from("pwned").toString("base64")}\u0007`;
export const TITLE_CHANGE = "\u001b]2;hijacked\u001b\\";
export const SCREEN_CLEAR = "\u001b[2J\u001b[H";
/** Wraps `word` in every hostile sequence; drawn safely it reads as `word` alone. */
export const hostile = (word: string) =>
  `${word.slice(0, 2)}${CLIPBOARD_WRITE}${word.slice(2, 4)}${TITLE_CHANGE}${word.slice(4)}${SCREEN_CLEAR}\u202e`;

const me = { id: "u-alice", name: "alice", isAdmin: false };
const view = (over: Partial<ChannelView> & Pick<ChannelView, "id" | "name">): ChannelView => ({
  kind: "channel",
  topic: "",
  inviteOnly: false,
  memberCount: 2,
  lastSeq: 1,
  role: "member",
  readSeq: 1,
  unread: 0,
  mentions: 0,
  ...over,
});
const line = (channelId: string, author: string, text: string): Message => ({
  id: `${channelId}-1`,
  channelId,
  seq: 1,
  kind: "text",
  author: { id: `u-${author}`, name: author },
  text,
  meta: {},
  createdAt: new Date().toISOString(),
  version: 1,
});

type Answer = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

/**
 * A server that speaks just enough of the protocol (docs/protocol.md) to log the terminal client
 * in, and then puts escape sequences in every field the real server would refuse them in: a
 * refused login's and a refused send's message, a channel's topic, a DM peer's name, a member's
 * name, a line's author, a typing notice's name, the user's own nick from `user:updated`, and an
 * alert's sender.
 */
export class HostileServer {
  private readonly http: HttpServer = createServer();
  private readonly io = new Server(this.http, { transports: ["websocket"] });
  private logins = 0;
  readonly sockets: Socket[] = [];

  readonly dev = view({ id: "c-dev", name: "#dev", topic: hostile("topic text") });
  readonly direct = view({
    id: "d-peer",
    name: "dm:u-alice:u-peer",
    kind: "direct",
    inviteOnly: true,
    peer: { id: "u-peer", name: hostile("peername") },
  });

  get url(): string {
    return `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.io.on("connection", (socket) => {
      this.sockets.push(socket);
      socket.onAny((event: string, ...args: unknown[]) => {
        const ack = args.at(-1);
        if (typeof ack === "function") (ack as (answer: Answer) => void)(this.answer(event));
      });
    });
    await new Promise<void>((resolve) => this.http.listen(0, "127.0.0.1", resolve));
    return this;
  }

  private answer(event: string): Answer {
    switch (event) {
      case "auth:login":
        // The first attempt is refused with a hostile message; the second is let in.
        if (++this.logins === 1)
          return { ok: false, error: { code: "INVALID_CREDENTIALS", message: hostile("nologin") } };
        return {
          ok: true,
          data: { token: "t-alice", expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user: me },
        };
      case "session:sync":
        return {
          ok: true,
          data: {
            user: me,
            channels: [this.dev, this.direct],
            changes: [
              {
                channelId: "c-dev",
                reset: true,
                hasMore: false,
                messages: [line("c-dev", hostile("author"), "hello")],
              },
              { channelId: "d-peer", reset: true, hasMore: false, messages: [] },
            ],
          },
        };
      case "channel:who":
        return {
          ok: true,
          data: {
            members: [
              { id: "u-alice", name: "alice", role: "member", isAdmin: false, online: true },
              { id: "u-member", name: hostile("membername"), role: "owner", isAdmin: false, online: true },
            ],
          },
        };
      case "history:read":
        return { ok: true, data: { channelId: "c-dev", messages: [], hasMore: false } };
      case "message:send":
        return { ok: false, error: { code: "FORBIDDEN", message: hostile("refusal") } };
      default:
        return { ok: true, data: {} };
    }
  }

  /** Sends an event to every connected client. */
  emit(event: string, payload: unknown): void {
    this.io.emit(event, payload);
  }

  async close(): Promise<void> {
    await this.io.close();
  }
}
