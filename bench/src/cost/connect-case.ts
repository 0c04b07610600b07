// Issue 20's connect targets. Connect: N clients with saved tokens each connect and catch up as
// the real clients do (one session:sync naming their conversations), against the bare relay's
// plain connect of as many clients, in the same waves. Storm: N clients on the product's own
// socket options (@canaduck/client's openSocket: its back-off and handshake timeout) stay
// connected while the server is killed and restarted; each catches up again on its own.
import type { Ack, ClientEventResult } from "@canaduck/contract";
import { openSocket, type ChatSocket } from "@canaduck/client";
import type { Socket } from "socket.io-client";
import { emitRaw, rawSocket } from "../raw-socket";
import { builtServer, cpuSecondsOf, ServerProcess } from "../server-process";
import { relayEntry } from "../load/cases";
import { seed } from "../load/seed";
import { sleep } from "../stats";
import { inWaves, WAVE } from "../waves";

type Cursor = { channelId: string; after: number };

export interface ConnectResult {
  clients: number;
  channelsPerClient: number;
  relayPlainMs: number;
  /** Server CPU seconds over the relay's connect. */
  relayCpuSeconds: number;
  /** First handshake to the last session:sync answered. */
  canaduckMs: number;
  /** Server CPU seconds over CanaDuck's connect (a figure the shared machine's noise moves less than the time). */
  canaduckCpuSeconds: number;
  failed: number;
}

export interface StormResult {
  server: "relay" | "canaduck";
  clients: number;
  /** From the kill to the restarted server answering /healthz. */
  answeredAfterMs: number;
  /** From the kill to every client connected again (and, for CanaDuck, caught up). */
  allBackAfterMs: number;
  /** From the server answering to every client back: the "within 2 s" of the target. */
  backAfterAnswerMs: number;
  /** Reconnection attempts that hit the client's handshake timeout. */
  handshakeTimeouts: number;
  /** Clients that lost their connection again after coming back. */
  droppedAgain: number;
  /** Clients not back when the case stopped waiting. */
  notBack: number;
}

/** Connects over the handshake a crowd may keep waiting (the bench connects thousands). */
const open = (url: string, token?: string) => rawSocket(url, token, 60_000);

/** Clients in channels of 100 members, each in `each` of them; their cursors as a client holding each conversation would. */
async function seededClients(server: ServerProcess, clients: number, each: number) {
  const channels = Math.max(each, Math.ceil((clients * each) / 100));
  const seeded = await seed(`file:${server.dbFile}`, clients, 0, channels, "all", each);
  const cursors = await inWaves(seeded.clients, async (client) => {
    const socket = await open(server.url, client.token);
    const state = (await emitRaw(socket, "session:state", {}, 120_000)) as Ack<
      ClientEventResult<"session:state">
    > | null;
    socket.disconnect();
    if (!state?.ok) throw new Error(`session:state: ${state?.error.code ?? "no answer"}`);
    return state.data.channels.map((c): Cursor => ({ channelId: c.id, after: c.lastSeq }));
  });
  return seeded.clients.map((c, i) => ({ token: c.token, cursors: cursors[i] ?? [] }));
}

export async function connectCase(clients: number, each: number): Promise<ConnectResult> {
  const relay = new ServerProcess({}, relayEntry);
  await relay.start();
  let relayPlainMs: number;
  let relayCpuSeconds: number;
  try {
    const cpuBefore = cpuSecondsOf(relay.pid);
    const started = performance.now();
    const sockets = await inWaves(Array.from({ length: clients }), () => open(relay.url));
    relayPlainMs = performance.now() - started;
    relayCpuSeconds = cpuSecondsOf(relay.pid) - cpuBefore;
    for (const s of sockets) s.disconnect();
  } finally {
    await relay.dispose();
  }
  const server = builtServer();
  await server.start();
  try {
    const users = await seededClients(server, clients, each);
    // A fresh process, as in the morning after a restart: the priming connections' goodbyes (each
    // read and announced offline) are not what is measured, and a profile (BENCH_PROFILE) of the
    // restarted server holds the measured connects alone.
    await server.stop("SIGTERM");
    await server.start();
    let failed = 0;
    const cpuBefore = cpuSecondsOf(server.pid);
    const started = performance.now();
    const sockets = await inWaves(users, async (user) => {
      const socket = await open(server.url, user.token);
      const sync = await emitRaw(socket, "session:sync", { conversations: user.cursors }, 120_000);
      if (!sync?.ok) failed += 1;
      return socket;
    });
    const canaduckMs = performance.now() - started;
    const canaduckCpuSeconds = cpuSecondsOf(server.pid) - cpuBefore;
    for (const s of sockets) s.disconnect();
    return { clients, channelsPerClient: each, relayPlainMs, relayCpuSeconds, canaduckMs, canaduckCpuSeconds, failed };
  } finally {
    await server.dispose();
  }
}

interface StormClient {
  socket: ChatSocket;
  /** Set when the client is back (connected and, for CanaDuck, synced) after the kill. */
  backAt: number | null;
  dropped: boolean;
}

/** Connects the fleet on the product's socket options; `onConnect` runs at every (re)connect and resolves when the client is usable. */
async function fleet(
  url: string,
  tokens: Array<string | undefined>,
  onConnect: (s: ChatSocket, i: number) => Promise<boolean>,
) {
  let killedAt: number | null = null;
  let handshakeTimeouts = 0;
  const members: StormClient[] = tokens.map((token) => ({
    socket: openSocket(url, () => token ?? null, { autoConnect: false, forceNew: true }),
    backAt: null,
    dropped: false,
  }));
  const ready = members.map((m, i) => {
    let first = true;
    m.socket.io.on("reconnect_error", (error) => {
      if (error.message === "timeout") handshakeTimeouts += 1;
    });
    m.socket.on("disconnect", () => {
      if (m.backAt !== null) m.dropped = true;
    });
    return new Promise<void>((resolve) => {
      m.socket.on("connect", () => {
        void onConnect(m.socket, i).then((usable) => {
          if (!usable) return;
          if (first) {
            first = false;
            resolve();
          } else if (killedAt !== null && m.backAt === null) m.backAt = performance.now();
        });
      });
    });
  });
  for (let i = 0; i < members.length; i += WAVE) {
    members.slice(i, i + WAVE).forEach((m) => m.socket.connect());
    await Promise.all(ready.slice(i, i + WAVE));
  }
  return {
    members,
    markKilled: () => (killedAt = performance.now()),
    handshakeTimeouts: () => handshakeTimeouts,
  };
}

/** Kills the server with everyone connected, restarts it and times the fleet's return (bounded by `waitMs`). */
export async function stormCase(
  server: "relay" | "canaduck",
  clients: number,
  each: number,
  waitMs = 300_000,
): Promise<StormResult> {
  const process = server === "relay" ? new ServerProcess({}, relayEntry) : builtServer();
  await process.start();
  try {
    const users =
      server === "canaduck"
        ? await seededClients(process, clients, each)
        : Array.from({ length: clients }, () => ({ token: undefined, cursors: [] as Cursor[] }));
    const onConnect = async (socket: ChatSocket, i: number): Promise<boolean> => {
      const user = users[i];
      if (!user) return false;
      if (server === "relay") {
        // Rooms of 100, as CanaDuck's channels.
        const room = `#r${i % Math.ceil(clients / 100)}`;
        await new Promise<void>((r) => (socket as unknown as Socket).emit("join", room, () => r()));
        return true;
      }
      // As the product client does: a sync refused as busy is asked again after the hint.
      for (let attempt = 0; attempt < 5 && socket.connected; attempt++) {
        const sync = await emitRaw(socket, "session:sync", { conversations: user.cursors }, 60_000);
        if (sync?.ok) return true;
        await sleep(sync?.error.retryAfterMs ?? 1_000);
      }
      return false;
    };
    const f = await fleet(
      process.url,
      users.map((u) => u.token),
      onConnect,
    );
    const killedAt = performance.now();
    f.markKilled();
    await process.stop("SIGKILL");
    await process.start();
    const answeredAt = performance.now();
    const deadline = answeredAt + waitMs;
    while (performance.now() < deadline && f.members.some((m) => m.backAt === null)) await sleep(50);
    const backTimes = f.members.flatMap((m) => (m.backAt === null ? [] : [m.backAt]));
    const lastBack = backTimes.length > 0 ? Math.max(...backTimes) : Number.NaN;
    const result: StormResult = {
      server,
      clients,
      answeredAfterMs: answeredAt - killedAt,
      allBackAfterMs: lastBack - killedAt,
      backAfterAnswerMs: lastBack - answeredAt,
      handshakeTimeouts: f.handshakeTimeouts(),
      droppedAgain: f.members.filter((m) => m.dropped).length,
      notBack: f.members.filter((m) => m.backAt === null).length,
    };
    for (const m of f.members) m.socket.disconnect();
    return result;
  } finally {
    await process.dispose();
  }
}
