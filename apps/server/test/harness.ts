import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import {
  PROTOCOL_VERSION,
  type Ack,
  type ClientEventName,
  type ClientEventPayload,
  type ClientEventResult,
  type ClientToServerEvents,
  type ServerEventName,
  type ServerEventPayload,
  type ServerToClientEvents,
} from "@canaduck/contract";
import { io as connect, type Socket } from "socket.io-client";
import type { Database } from "@canaduck/db";
import { setAdmin } from "@canaduck/domain";
import { openAdminDomain } from "../src/admin/admin-context";
import { loadConfig, type ServerConfig } from "../src/config";
import { createServer, type ChatServerHandle, type ServerSeams } from "../src/create-server";
import { createLogger, type Logger } from "../src/logger";
import type { VirtualConnection, VirtualConnectionOptions } from "../src/realtime/virtual-socket";
import { testDatabase } from "@canaduck/db/testing";

export { freshPostgresDatabase, rawQuery, type TestDatabase } from "@canaduck/db/testing";

export class HandshakeRefused extends Error {
  constructor(
    message: string,
    readonly data: unknown,
  ) {
    super(message);
  }
}

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A real server on a loopback port with its own database, restartable on the same data: a
 * SQLite file, or with TEST_DATABASE=postgres a fresh PostgreSQL database dropped at dispose.
 */
export class TestServer {
  private handle: ChatServerHandle | undefined;
  private config: ServerConfig | undefined;
  /** Kept after the first start so a restarted server is where its clients reconnect. */
  private port = 0;
  readonly dir = mkdtempSync(path.join(tmpdir(), "canaduck-test-"));
  private readonly sockets = new Set<ClientSocket>();
  private readonly database = testDatabase(this.dir);

  constructor(
    private readonly env: Record<string, string> = {},
    private readonly seams: ServerSeams = {},
    /** Where the server logs; silent (or TEST_LOG_LEVEL) unless a test reads the lines. */
    private readonly logger: Logger = createLogger(process.env.TEST_LOG_LEVEL ?? "silent"),
  ) {}

  async start(): Promise<this> {
    const config = loadConfig({
      PORT: String(this.port),
      HOST: "127.0.0.1",
      DATABASE_URL: this.env.DATABASE_URL ?? (await this.database.url()),
      WEB_DIST: path.join(this.dir, "no-web"),
      // A random port: the default 6667 would collide between test files running at once.
      IRC_PORT: "0",
      // Its own folder, on either database (PostgreSQL's default is the repository's data/uploads).
      UPLOAD_DIR: path.join(this.dir, "uploads"),
      // Off unless a test turns them on: a link in a test's line must not reach the internet.
      LINK_PREVIEWS: "off",
      ...this.env,
    });
    this.config = config;
    this.handle = await createServer(config, this.logger, this.seams);
    this.port = this.handle.port;
    return this;
  }

  /** The database this server runs on, for a test that reads what is stored (see rawQuery). */
  databaseUrl(): Promise<string> {
    return this.env.DATABASE_URL ? Promise.resolve(this.env.DATABASE_URL) : this.database.url();
  }

  get url(): string {
    if (!this.handle) throw new Error("server not started");
    return this.handle.url;
  }

  /** Where /metrics is served when METRICS_PORT is set. */
  get metricsUrl(): string | null {
    if (!this.handle) throw new Error("server not started");
    return this.handle.metricsUrl;
  }

  /** The IRC gateway's port (the harness starts it on a random one). */
  get ircPort(): number {
    if (!this.handle || this.handle.ircPort === null) throw new Error("server not started, or IRC is off");
    return this.handle.ircPort;
  }

  /** The IRC gateway's TLS port, when the test configured a certificate. */
  get ircTlsPort(): number {
    if (!this.handle || this.handle.ircTlsPort === null) throw new Error("server not started, or IRC TLS is off");
    return this.handle.ircTlsPort;
  }

  /** A connection of a transport other than Socket.IO, as the IRC and SSE adapters open them. */
  openConnection(options: VirtualConnectionOptions): VirtualConnection {
    if (!this.handle) throw new Error("server not started");
    return this.handle.openConnection(options);
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.disconnect();
    this.sockets.clear();
    await this.handle?.close();
    this.handle = undefined;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async dispose(): Promise<void> {
    await this.stop();
    await this.database.drop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** A connected client; rejects with a HandshakeRefused when the server refuses the handshake. */
  async connect(auth: { token?: string; protocol?: number } = {}): Promise<ClientSocket> {
    const socket: ClientSocket = connect(this.url, {
      auth: { protocol: PROTOCOL_VERSION, ...auth },
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
    });
    this.sockets.add(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", (err: Error & { data?: unknown }) =>
        reject(new HandshakeRefused(err.message, err.data)),
      );
    });
    return socket;
  }

  /** Registers a new account and returns a client logged in as it. */
  async user(name: string, password = "correct horse battery"): Promise<ChatClient> {
    const socket = await this.connect();
    const grant = await call(socket, "auth:register", { name, password });
    if (!grant.ok) throw new Error(`register ${name}: ${grant.error.code}`);
    return new ChatClient(socket, grant.data.token, name);
  }

  /** Registers an account and makes it a server admin the way an operator does: nobody registers into one. */
  async admin(name: string, password?: string): Promise<ChatClient> {
    const client = await this.user(name, password);
    await this.grantAdmin(name);
    return client;
  }

  /** What `canaduck-admin grant-admin <name>` does, in-process: the same domain action on this server's database. */
  async grantAdmin(name: string): Promise<void> {
    if (!this.config) throw new Error("server not started");
    const opened: Database[] = [];
    try {
      await setAdmin(await openAdminDomain(this.config, (database) => opened.push(database)), { name, admin: true });
    } finally {
      for (const database of opened) await database.close();
    }
  }
}

/** A logger that keeps the server's log lines, parsed, for a test that reads what the operator is told. */
export function logLines(): { lines: { level: number; msg: string }[]; logger: Logger } {
  const lines: { level: number; msg: string }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean))
        lines.push(JSON.parse(line) as { level: number; msg: string });
      done();
    },
  });
  return { lines, logger: createLogger("info", sink) };
}

/** Emits a client event and resolves with its ack. */
export function call<E extends ClientEventName>(
  socket: ClientSocket,
  event: E,
  payload: ClientEventPayload<E>,
  timeoutMs = 10_000,
): Promise<Ack<ClientEventResult<E>>> {
  const timed = socket.timeout(timeoutMs);
  const emit = (
    timed.emit as unknown as (
      event: string,
      payload: unknown,
      ack: (err: Error | null, result: Ack<ClientEventResult<E>>) => void,
    ) => void
  ).bind(timed);
  return new Promise((resolve, reject) => {
    emit(event, payload, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

/** Resolves with the first `event` whose payload satisfies `match`. */
export function next<E extends ServerEventName>(
  socket: ClientSocket,
  event: E,
  match: (payload: ServerEventPayload<E>) => boolean = () => true,
  timeoutMs = 5_000,
): Promise<ServerEventPayload<E>> {
  const on = socket.on.bind(socket) as unknown as (event: string, fn: (payload: ServerEventPayload<E>) => void) => void;
  const off = socket.off.bind(socket) as unknown as (
    event: string,
    fn: (payload: ServerEventPayload<E>) => void,
  ) => void;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off(event, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: ServerEventPayload<E>) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      off(event, listener);
      resolve(payload);
    };
    on(event, listener);
  });
}

/** Collects every payload of `event` a socket receives from now on. */
export function record<E extends ServerEventName>(socket: ClientSocket, event: E): ServerEventPayload<E>[] {
  const seen: ServerEventPayload<E>[] = [];
  (socket.on.bind(socket) as unknown as (event: string, fn: (payload: ServerEventPayload<E>) => void) => void)(
    event,
    (p) => seen.push(p),
  );
  return seen;
}

/** A logged-in test user: its socket, token and a typed `do` that expects success. */
export class ChatClient {
  constructor(
    readonly socket: ClientSocket,
    readonly token: string,
    readonly name: string,
  ) {}

  send<E extends ClientEventName>(event: E, payload: ClientEventPayload<E>) {
    return call(this.socket, event, payload);
  }

  async do<E extends ClientEventName>(event: E, payload: ClientEventPayload<E>): Promise<ClientEventResult<E>> {
    const ack = await call(this.socket, event, payload);
    if (!ack.ok) throw new Error(`${this.name} ${event}: ${ack.error.code} ${ack.error.message}`);
    return ack.data;
  }

  next<E extends ServerEventName>(event: E, match?: (payload: ServerEventPayload<E>) => boolean) {
    return next(this.socket, event, match);
  }
}

/** Two people in #dev on a fresh server: where most tests about lines begin. */
export async function twoInDev(): Promise<{ server: TestServer; alice: ChatClient; bob: ChatClient }> {
  const server = await new TestServer().start();
  const alice = await server.user("alice");
  const bob = await server.user("bob");
  await alice.do("channel:join", { channel: "#dev" });
  await bob.do("channel:join", { channel: "#dev" });
  return { server, alice, bob };
}
export { ogPage, startOgSite, type OgSite } from "./og-site";
