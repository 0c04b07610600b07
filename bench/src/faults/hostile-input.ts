import { clientEventNames, errorCodes, parseInput, type Ack } from "@canaduck/contract";
import type { Socket } from "socket.io-client";
import { converse } from "../bystander";
import { closeFleet, joinAll, registerFleet } from "../chat-fleet";
import { emitRaw, rawSocket, registerRaw } from "../raw-socket";
import { ServerProcess } from "../server-process";
import { percentile, sleep } from "../stats";

export interface HostileOptions {
  events: number;
  /** Events in flight at once per attacking connection. */
  concurrency: number;
  serverEnv?: Record<string, string>;
}

export interface HostileResult {
  events: number;
  accepted: number;
  codedErrors: number;
  /** Answers that were neither ok nor a known error code: must be zero. */
  uncoded: number;
  /** Events that got no answer because the server closed the connection (oversized) or none was asked. */
  refused: number;
  reconnects: number;
  codes: Record<string, number>;
  baselineP99Ms: number;
  underAttackP99Ms: number;
  /** Bystander lines that never arrived (within 10 s). */
  unheard: number;
  baselineRss: number;
  peakRss: number;
  serverAlive: boolean;
}

const known = new Set<string>(errorCodes);

/** A deterministic pseudo-random source, so a failing run can be replayed. */
function rng(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x / 0x7fffffff;
  };
}

const words = [
  "#dev",
  "#x",
  "bob",
  "alice",
  "+i",
  "-i",
  "10m",
  "999999999",
  "",
  "/",
  "//",
  "#",
  "💥",
  "\u0000",
  "<img src=x onerror=alert(1)>",
  "' OR 1=1 --",
  "../../etc/passwd",
  "%s%n",
  "__proto__",
];
const commands = [
  "join",
  "part",
  "msg",
  "me",
  "topic",
  "mode",
  "invite",
  "kick",
  "ban",
  "unban",
  "op",
  "deop",
  "list",
  "who",
  "read",
  "log",
  "alert",
  "help",
  "nick",
  "query",
  "frob",
  "",
];

function randomValue(r: () => number, depth = 0): unknown {
  const pick = Math.floor(r() * 10);
  if (depth > 3) return null;
  switch (pick) {
    case 0:
      return null;
    case 1:
      return Math.floor(r() * 1e12) * (r() > 0.5 ? -1 : 1);
    case 2:
      return "x".repeat(Math.floor(r() * 9_000));
    case 3:
      return [randomValue(r, depth + 1), randomValue(r, depth + 1)];
    case 4:
      return { target: randomValue(r, depth + 1), text: randomValue(r, depth + 1), channel: randomValue(r, depth + 1) };
    case 5:
      return JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}') as unknown;
    case 6:
      return {
        channel: words[Math.floor(r() * words.length)],
        nick: words[Math.floor(r() * words.length)],
        limit: r() * 1e6,
      };
    case 7:
      return true;
    default:
      return words[Math.floor(r() * words.length)];
  }
}

/** One hostile event: a random slash command parsed by the real grammar, or garbage for a real or invented event. */
function hostileEvent(r: () => number): { event: string; payload: unknown; oversized: boolean } {
  const kind = r();
  if (kind < 0.35) {
    const text = `/${commands[Math.floor(r() * commands.length)]} ${Array.from({ length: Math.floor(r() * 4) }, () => words[Math.floor(r() * words.length)]).join(" ")}`;
    const parsed = parseInput(text, { currentTarget: "#dev" });
    if (
      parsed.ok &&
      parsed.command.kind === "event" &&
      parsed.command.event !== "auth:logout" &&
      parsed.command.event !== "session:quit"
    ) {
      return { event: parsed.command.event, payload: parsed.command.payload, oversized: false };
    }
    return { event: "message:send", payload: { target: "#dev", text }, oversized: false };
  }
  if (kind < 0.995) {
    const names = clientEventNames.filter((e) => e !== "auth:logout" && e !== "session:quit");
    const event =
      r() < 0.1 ? `evil:${Math.floor(r() * 1000)}` : (names[Math.floor(r() * names.length)] ?? "message:send");
    return { event, payload: randomValue(r), oversized: false };
  }
  // Past the 64 KiB event limit: the server closes the connection rather than parse it.
  return { event: "message:send", payload: { target: "#dev", text: "y".repeat(200_000) }, oversized: true };
}

/**
 * 10,000 malformed, oversized, wrong-typed, out-of-order events and random slash commands from
 * a logged-in and an anonymous attacker; each must get a coded answer or be refused, while the
 * server stays up with bounded memory and a bystander keeps chatting with normal latency.
 */
export async function hostileInput(o: HostileOptions): Promise<HostileResult> {
  const server = new ServerProcess(o.serverEnv);
  await server.start();
  const [speaker, listener] = await registerFleet(server.url, "calm", 2);
  if (!speaker || !listener) throw new Error("fleet");
  const token = await registerRaw(server.url, "mallory");
  try {
    await joinAll([speaker, listener], ["#dev"]);
    const baseline = converse(speaker, listener, "#dev", 20);
    await sleep(2_000);
    await baseline.stop();
    const baselineRss = server.rss();
    server.resetPeak();

    const during = converse(speaker, listener, "#dev", 20);
    const r = rng(42);
    const result = { accepted: 0, codedErrors: 0, uncoded: 0, refused: 0, reconnects: 0 };
    const codes: Record<string, number> = {};
    const attackers: Array<{ token?: string; socket: Socket }> = [
      { token, socket: await rawSocket(server.url, token) },
      { socket: await rawSocket(server.url) },
    ];
    let sent = 0;
    await Promise.all(
      attackers.flatMap((attacker) =>
        Array.from({ length: o.concurrency }, async () => {
          while (sent < o.events) {
            sent += 1;
            if (!attacker.socket.connected) {
              attacker.socket = await rawSocket(server.url, attacker.token);
              result.reconnects += 1;
            }
            const { event, payload, oversized } = hostileEvent(r);
            const ack: Ack<unknown> | null = await emitRaw(attacker.socket, event, payload, oversized ? 1_000 : 10_000);
            if (ack === null) result.refused += 1;
            else if (ack.ok) result.accepted += 1;
            else if (known.has(ack.error.code)) {
              result.codedErrors += 1;
              codes[ack.error.code] = (codes[ack.error.code] ?? 0) + 1;
            } else result.uncoded += 1;
          }
        }),
      ),
    );
    await during.stop();
    for (const a of attackers) a.socket.disconnect();
    const health = await fetch(`${server.url}/healthz`).then(
      (res) => res.ok,
      () => false,
    );
    return {
      events: sent,
      ...result,
      codes,
      baselineP99Ms: percentile(baseline.latencies, 99),
      underAttackP99Ms: percentile(during.latencies, 99),
      unheard: baseline.unheard + during.unheard,
      baselineRss,
      peakRss: server.peakRssBytes,
      serverAlive: health && server.alive,
    };
  } finally {
    closeFleet([speaker, listener]);
    await server.dispose();
  }
}
