// The reconnect case of the message-events issue: 10,000 clients, each in 20 channels, come back
// after a server restart during which lines were said, edited, reacted to and deleted. Each
// client catches up with ONE session:sync naming its 20 conversations, and the case checks that
// every client got every missed entry. Reported against the bare relay's plain connect time for
// as many clients, measured in the same run.
import { PROTOCOL_VERSION, type Ack, type ClientEventResult, type ConversationChanges } from "@canaduck/contract";
import { io, type Socket } from "socket.io-client";
import { ServerProcess } from "../server-process";
import { relayEntry } from "./cases";
import { seed } from "./seed";
import { inWaves } from "../waves";

export interface SyncResult {
  name: string;
  clients: number;
  channelsPerClient: number;
  channels: number;
  /** Entries written in each channel while the clients were away (lines, an edit, reactions, a deletion). */
  missedPerChannel: number;
  /** The relay: every client connected, from the first handshake to the last. */
  relayConnectMs: number;
  /** CanaDuck: from the restarted server answering /healthz to every client connected and synced. */
  catchUpMs: number;
  /** Clients whose sync lacked an entry, or saw a line not in its final state. */
  incomplete: number;
  /** Conversations answered "reset" (too far behind) instead of with their missed entries. */
  resets: number;
  /** Bytes of sync answers per client, as JSON. */
  syncBytesPerClient: number;
}

type Sync = ClientEventResult<"session:sync">;

function open(url: string, auth: Record<string, unknown> | undefined): Promise<Socket> {
  const socket = io(url, { transports: ["websocket"], reconnection: false, forceNew: true, timeout: 60_000, auth });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

function call<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  return new Promise((resolve, reject) =>
    socket.timeout(120_000).emit(event, payload, (err: Error | null, ack: Ack<T>) => {
      if (err) reject(err);
      else if (!ack.ok) reject(new Error(`${event}: ${ack.error.code} ${ack.error.message}`));
      else resolve(ack.data);
    }),
  );
}

async function relayConnectMs(clients: number): Promise<number> {
  const relay = new ServerProcess({}, relayEntry);
  await relay.start();
  try {
    const started = performance.now();
    const sockets = await inWaves(Array.from({ length: clients }), () => open(relay.url, undefined));
    const ms = performance.now() - started;
    for (const s of sockets) s.disconnect();
    return ms;
  } finally {
    await relay.dispose();
  }
}

/** What one channel must look like after the missed stretch, for the check. */
const MISSED = ["text", "text", "edit", "react", "react", "delete"] as const;

/** Writes the missed stretch in one channel: two lines, an edit of an old line, two reactions, a deletion. */
async function missedStretch(publisher: Socket, channel: string, oldSeqs: [number, number]): Promise<void> {
  const said = await call<ClientEventResult<"message:send">>(publisher, "message:send", {
    target: channel,
    text: "said while you were away",
  });
  await call(publisher, "message:send", { target: channel, text: "and this one gets deleted" });
  await call(publisher, "message:edit", { target: channel, seq: oldSeqs[0], text: "edited while you were away" });
  await call(publisher, "message:react", { target: channel, seq: oldSeqs[1], emoji: "🎉" });
  await call(publisher, "message:react", { target: channel, seq: said.message.seq, emoji: "👍" });
  await call(publisher, "message:delete", { target: channel, seq: said.message.seq + 1 });
}

/** Whether one conversation's changes hold the whole missed stretch, in its final state. */
function complete(changes: ConversationChanges): boolean {
  if (changes.reset) return false;
  const kinds = changes.messages.map((m) => m.kind);
  if (kinds.join() !== MISSED.join()) return false;
  const [said, deleted] = changes.messages;
  return said?.reactions?.[0]?.emoji === "👍" && deleted?.deleted === true && deleted.text === "";
}

export async function syncCase(clients: number, channelsPerClient: number, channels: number): Promise<SyncResult> {
  const relayMs = await relayConnectMs(clients);
  const server = new ServerProcess();
  await server.start();
  try {
    const seeded = await seed(`file:${server.dbFile}`, clients, 1, channels, "all", channelsPerClient);
    const publisherSeed = seeded.publishers[0];
    if (!publisherSeed) throw new Error("no publisher seeded");
    const auth = (token: string) => ({ protocol: PROTOCOL_VERSION, token });

    // Before: two lines in each channel, then every client connects and learns its conversations
    // (session:state: the before-phase is not what is measured), keeping each one's id and newest
    // seq as a real client's cursor.
    const publisher = await open(server.url, auth(publisherSeed.token));
    const oldSeqs = new Map<string, [number, number]>();
    for (const channel of seeded.channels) {
      const a = await call<ClientEventResult<"message:send">>(publisher, "message:send", {
        target: channel,
        text: "one",
      });
      const b = await call<ClientEventResult<"message:send">>(publisher, "message:send", {
        target: channel,
        text: "two",
      });
      oldSeqs.set(channel, [a.message.seq, b.message.seq]);
    }
    const cursors = await inWaves(seeded.clients, async (client) => {
      const socket = await open(server.url, auth(client.token));
      const state = await call<ClientEventResult<"session:state">>(socket, "session:state", {});
      socket.disconnect();
      return state.channels.map((c) => ({ channelId: c.id, after: c.lastSeq }));
    });

    // Away: the stretch is written, then the server restarts.
    for (const channel of seeded.channels) await missedStretch(publisher, channel, oldSeqs.get(channel) ?? [1, 2]);
    publisher.disconnect();
    await server.stop("SIGTERM");
    await server.start();

    // Back: one sync per client, naming its conversations with their cursors.
    const started = performance.now();
    let incomplete = 0;
    let resets = 0;
    let bytes = 0;
    await inWaves(seeded.clients, async (client, i) => {
      const socket = await open(server.url, auth(client.token));
      const answer = await call<Sync>(socket, "session:sync", { conversations: cursors[i] ?? [] });
      socket.disconnect();
      bytes += JSON.stringify(answer).length;
      resets += answer.changes.filter((c) => c.reset).length;
      const whole = answer.changes.length === channelsPerClient && answer.changes.every(complete);
      if (!whole) incomplete += 1;
    });
    const catchUpMs = performance.now() - started;
    return {
      name: "CanaDuck, 1 node, SQLite",
      clients,
      channelsPerClient,
      channels,
      missedPerChannel: MISSED.length,
      relayConnectMs: relayMs,
      catchUpMs,
      incomplete,
      resets,
      syncBytesPerClient: bytes / clients,
    };
  } finally {
    await server.dispose();
  }
}
