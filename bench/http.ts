/**
 * `npm run bench:http`: the HTTP API against the Socket.IO send path, on one real server process
 * in the same run. POST …/messages over keep-alive with autocannon vs message:send with acks from
 * as many Socket.IO clients (requests/s and p99), then SSE fan-out: one line reaching 1,000
 * GET /api/v1/events consumers (deliveries/s and p99). Prints the figures and the ratios and
 * writes them into bench/HTTP-RESULTS.md. A few minutes at most.
 */
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { PROTOCOL_VERSION } from "@canaduck/contract";
import autocannon from "autocannon";
import { io as connect, type Socket } from "socket.io-client";
import { ServerProcess } from "./src/server-process";
import { percentile, sleep } from "./src/stats";

const CONNECTIONS = 20;
const DURATION_S = 10;
const CONSUMERS = 1_000;
const FANOUT_LINES = 20;

type Ack = { ok: boolean; data?: { token?: string } };

async function socketOf(url: string, token?: string): Promise<Socket> {
  const socket = connect(url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    auth: { protocol: PROTOCOL_VERSION, ...(token ? { token } : {}) },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

const ask = (socket: Socket, event: string, payload: unknown) =>
  new Promise<Ack>((resolve) => socket.emit(event, payload, (ack: Ack) => resolve(ack)));

async function httpSends(url: string, token: string) {
  const result = await autocannon({
    url: `${url}/api/v1/channels/dev/messages`,
    method: "POST",
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ text: "load over http" }),
  });
  const ok = result["2xx"];
  return { perSecond: ok / DURATION_S, p99: result.latency.p99, errors: result.non2xx + result.errors };
}

async function socketSends(url: string, token: string) {
  const sockets = await Promise.all(Array.from({ length: CONNECTIONS }, () => socketOf(url, token)));
  const latencies: number[] = [];
  const end = Date.now() + DURATION_S * 1000;
  let errors = 0;
  await Promise.all(
    sockets.map(async (socket) => {
      while (Date.now() < end) {
        const start = performance.now();
        const ack = await ask(socket, "message:send", {
          target: "#dev",
          text: "load over socket",
          clientId: randomUUID(),
        });
        if (ack.ok) latencies.push(performance.now() - start);
        else errors += 1;
      }
    }),
  );
  for (const socket of sockets) socket.disconnect();
  return { perSecond: latencies.length / DURATION_S, p99: percentile(latencies, 99), errors };
}

/** 1,000 event streams of one account; each line posted is timed from its POST to each stream. */
async function sseFanOut(url: string, token: string) {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const aborts: AbortController[] = [];
  let ready = 0;
  const open = async () => {
    const abort = new AbortController();
    aborts.push(abort);
    const response = await fetch(`${url}/api/v1/events`, {
      headers: { authorization: `Bearer ${token}` },
      signal: abort.signal,
    });
    if (!response.body) throw new Error(`events answered ${response.status}`);
    const decoder = new TextDecoder();
    let buffer = "";
    void (async () => {
      try {
        for await (const chunk of response.body ?? []) {
          buffer += decoder.decode(chunk, { stream: true });
          let cut: number;
          while ((cut = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            if (block.includes("event: stream:ready")) ready += 1;
            const text = /"text":"(fanout [^"]+)"/.exec(block)?.[1];
            const at = text === undefined ? undefined : sentAt.get(text);
            if (at !== undefined) latencies.push(performance.now() - at);
          }
        }
      } catch {
        // aborted at the end
      }
    })();
  };
  for (let i = 0; i < CONSUMERS; i += 50) await Promise.all(Array.from({ length: Math.min(50, CONSUMERS - i) }, open));
  while (ready < CONSUMERS) await sleep(50);
  const started = performance.now();
  for (let i = 0; i < FANOUT_LINES; i++) {
    const text = `fanout ${i}`;
    sentAt.set(text, performance.now());
    await fetch(`${url}/api/v1/channels/dev/messages`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ text }),
    });
    await sleep(100);
  }
  const expected = CONSUMERS * FANOUT_LINES;
  const deadline = Date.now() + 60_000;
  while (latencies.length < expected && Date.now() < deadline) await sleep(50);
  const seconds = (performance.now() - started) / 1000;
  for (const abort of aborts) abort.abort();
  return {
    delivered: latencies.length,
    expected,
    perSecond: latencies.length / seconds,
    p99: percentile(latencies, 99),
  };
}

async function main() {
  const server = new ServerProcess();
  await server.start();
  try {
    const setup = await socketOf(server.url);
    const grant = await ask(setup, "auth:register", { name: "loadbot", password: "correct horse battery" });
    const token = grant.data?.token;
    if (!grant.ok || token === undefined) throw new Error("could not register");
    await ask(setup, "channel:join", { channel: "#dev" });
    setup.disconnect();

    const http = await httpSends(server.url, token);
    const socket = await socketSends(server.url, token);
    const fanout = await sseFanOut(server.url, token);
    const lines = [
      `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:http\` (${CONNECTIONS} connections, ${DURATION_S} s each; SQLite; one server process on loopback):`,
      "",
      "| Path | Sends/s | p99 | Errors |",
      "| --- | --- | --- | --- |",
      `| \`POST /api/v1/channels/dev/messages\` (autocannon, keep-alive) | ${http.perSecond.toFixed(0)} | ${http.p99.toFixed(1)} ms | ${http.errors} |`,
      `| Socket.IO \`message:send\` with ack | ${socket.perSecond.toFixed(0)} | ${socket.p99.toFixed(1)} ms | ${socket.errors} |`,
      "",
      `HTTP / Socket.IO: ${(http.perSecond / socket.perSecond).toFixed(2)}× the sends per second, ${(http.p99 / socket.p99).toFixed(2)}× the p99.`,
      "",
      "Both paths run the same command path and group commit; the ratio is what the HTTP parsing, per-request bearer check and JSON answer cost. The run shares the machine with whatever else runs on it: compare the ratios more than the absolute figures.",
      "",
      `SSE fan-out: ${FANOUT_LINES} lines to ${CONSUMERS} \`GET /api/v1/events\` consumers: ${fanout.delivered} of ${fanout.expected} delivered, ${fanout.perSecond.toFixed(0)} deliveries/s, p99 ${fanout.p99.toFixed(1)} ms from POST to consumer.`,
    ];
    console.log(lines.join("\n"));
    // Its own file: `npm run bench` rewrites RESULTS.md whole.
    const report = `# HTTP API benchmark (\`npm run bench:http\`)\n\n${lines.join("\n")}\n`;
    writeFileSync(path.join(import.meta.dirname, "HTTP-RESULTS.md"), report);
  } finally {
    await server.stop();
  }
}

await main();
