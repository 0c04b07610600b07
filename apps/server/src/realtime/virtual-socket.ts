import { PROTOCOL_VERSION, type Ack } from "@canaduck/contract";
import { anonymous, type UserActor } from "@canaduck/domain";
import { randomUUID } from "node:crypto";
import { handleConnection, type ConnectionDeps } from "./connection";
import type { ChatSocket, SocketData } from "./types";

/** What a transport other than Socket.IO (IRC, Server-Sent Events) gives its connection. */
export interface VirtualTransport {
  /** An event this connection receives, exactly as a Socket.IO client of the same user would. */
  deliver(event: string, payload: unknown): void;
  /** The server closed the connection: its session ended, it stopped reading, or the node shuts down. */
  closed(reason: string): void;
  /** Bytes the transport holds and has not yet written: past the server's bound it is dropped. */
  queuedBytes(): number;
}

export interface VirtualConnectionOptions {
  /** The client's address, as per-address rate limits count it. */
  address: string;
  /** A session token the transport already holds (a bearer token); without one it starts anonymous. */
  authenticated?: { actor: UserActor; token: string };
  transport: VirtualTransport;
}

export interface VirtualConnection {
  /** The short id every log line about this connection carries. */
  readonly connectionId: string;
  /** Who the connection acts as now (anonymous until a login binds it). */
  readonly actor: SocketData["actor"];
  /** A command through the same path as a Socket.IO client's: queue, rate limits, group commit, effects. */
  run(event: string, payload: unknown): Promise<Ack<unknown>>;
  /** The client went away: leaves every room and counts the user offline when it was the last connection. */
  close(): void;
  /** Settles when the connection has closed, from either side. */
  readonly done: Promise<void>;
}

type Listener = (...args: unknown[]) => void;

/**
 * A connection of another transport, made to look like a Socket.IO socket to the parts that
 * move events: it is registered in the namespace, so the adapter's broadcasts, joins, leaves and
 * disconnects (the command effects, on this node or arriving over Redis from another) reach it
 * as they reach a browser's socket; and it goes through `handleConnection`, so its commands take
 * the very path a browser's do. Only what those parts touch is implemented.
 */
class VirtualSocket {
  readonly id = `virtual:${randomUUID()}`;
  readonly data: SocketData;
  readonly handshake: { auth: { protocol: number; token?: string } };
  connected = true;
  private readonly anyListeners: Listener[] = [];
  private readonly disconnectListeners: Listener[] = [];
  /** The adapter writes encoded packets here; `notifyOutgoingListeners` has already delivered them. */
  readonly client = { writeToEngine: () => undefined };
  /** What the slow-consumer guard reads: the transport's own backlog stands for engine.io's. */
  readonly conn: {
    writeBuffer: never[];
    transport: { name: string; socket: { readonly bufferedAmount: number } };
    write(): void;
    close(): void;
  };

  constructor(
    private readonly deps: ConnectionDeps,
    private readonly transport: VirtualTransport,
    options: VirtualConnectionOptions,
  ) {
    this.data = {
      actor: options.authenticated?.actor ?? anonymous,
      connectionId: randomUUID().slice(0, 8),
      address: options.address,
    };
    this.handshake = {
      auth: { protocol: PROTOCOL_VERSION, ...(options.authenticated ? { token: options.authenticated.token } : {}) },
    };
    this.conn = {
      writeBuffer: [],
      transport: {
        name: "virtual",
        socket: {
          get bufferedAmount() {
            return transport.queuedBytes();
          },
        },
      },
      write: () => undefined,
      close: () => this.disconnect(true),
    };
  }

  get disconnected(): boolean {
    return !this.connected;
  }

  get rooms(): Set<string> {
    return this.adapter.socketRooms(this.id) ?? new Set();
  }

  private get adapter() {
    return this.deps.io.of("/").adapter;
  }

  join(rooms: string | string[]): void {
    if (!this.connected) return;
    void this.adapter.addAll(this.id, new Set(Array.isArray(rooms) ? rooms : [rooms]));
  }

  leave(room: string): void {
    void this.adapter.del(this.id, room);
  }

  /** Broadcasts: the adapter hands over the decoded packet before writing it to engine.io. */
  notifyOutgoingListeners(packet: { data: unknown[] }): void {
    const [event, payload] = packet.data;
    if (this.connected && typeof event === "string") this.transport.deliver(event, payload);
  }

  emit(event: string, payload?: unknown): boolean {
    if (this.connected) this.transport.deliver(event, payload);
    return true;
  }

  onAny(listener: Listener): this {
    this.anyListeners.push(listener);
    return this;
  }

  on(event: string, listener: Listener): this {
    if (event === "disconnect") this.disconnectListeners.push(listener);
    return this;
  }

  run(event: string, payload: unknown): Promise<Ack<unknown>> {
    if (!this.connected) {
      return Promise.resolve({ ok: false, error: { code: "UNAVAILABLE", message: "The connection is closed." } });
    }
    return new Promise((resolve) => {
      for (const listener of this.anyListeners) listener(event, payload, resolve);
    });
  }

  /** From the server (`close` true or false alike: there is no engine.io connection to keep). */
  disconnect(_close?: boolean): this {
    this.end("server namespace disconnect");
    return this;
  }

  /** `io.close()` closes every socket of the namespace this way. */
  _onclose(reason: string): void {
    this.end(reason);
  }

  end(reason: string): void {
    if (!this.connected) return;
    this.connected = false;
    this.adapter.delAll(this.id);
    this.deps.io.of("/").sockets.delete(this.id);
    for (const listener of this.disconnectListeners) listener(reason);
    if (reason !== "client namespace disconnect") this.transport.closed(reason);
  }
}

/** Opens a connection of a transport other than Socket.IO; see `VirtualSocket`. */
export function openVirtualConnection(deps: ConnectionDeps, options: VirtualConnectionOptions): VirtualConnection {
  const socket = new VirtualSocket(deps, options.transport, options);
  let settle!: () => void;
  const done = new Promise<void>((resolve) => (settle = resolve));
  socket.on("disconnect", () => settle());
  // Registered before it is wired, so effects of its first command find it in the namespace.
  deps.io.of("/").sockets.set(socket.id, socket as unknown as ChatSocket);
  handleConnection(deps, socket as unknown as ChatSocket);
  return {
    connectionId: socket.data.connectionId,
    get actor() {
      return socket.data.actor;
    },
    run: (event, payload) => socket.run(event, payload),
    close: () => socket.end("client namespace disconnect"),
    done,
  };
}
