import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestServer } from "../harness";

/** How long the server under test gives a request's headers, and the whole request. */
const HEADERS_MS = 1_000;
const REQUEST_MS = 2_000;
/** A request still open this long after its timeout was left open. */
const LATE_MS = 4_000;

/** Opens a raw TCP connection to the server and resolves once it is connected. */
function rawConnection(url: string): Promise<Socket> {
  const { port, hostname } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.once("error", reject);
  });
}

/** Milliseconds from now until the server closes `socket`; rejects if it stays open past `limitMs`. */
function closedWithin(socket: Socket, limitMs: number): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still open after ${limitMs} ms`)), limitMs);
    socket.on("data", () => undefined);
    socket.once("close", () => {
      clearTimeout(timer);
      resolve(performance.now() - started);
    });
  });
}

describe("half-open HTTP requests", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await new TestServer({
      HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_MS),
      HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_MS),
    }).start();
  });
  afterAll(() => server.dispose());

  it("a request line and a Host header, then silence, is closed once the headers' time is up", async () => {
    const socket = await rawConnection(server.url);
    socket.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    const after = await closedWithin(socket, HEADERS_MS + LATE_MS);
    expect(after).toBeGreaterThanOrEqual(HEADERS_MS - 100);
  });

  it("headers trickled one at a time are closed once the headers' time is up", async () => {
    const socket = await rawConnection(server.url);
    socket.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    let n = 0;
    const trickle = setInterval(() => socket.writable && socket.write(`X-Slow-${n++}: a\r\n`), 200);
    try {
      await closedWithin(socket, HEADERS_MS + LATE_MS);
    } finally {
      clearInterval(trickle);
    }
  });

  it("a body that never finishes arriving is closed once the request's time is up", async () => {
    const socket = await rawConnection(server.url);
    socket.write("POST /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\nabc");
    const after = await closedWithin(socket, REQUEST_MS + LATE_MS);
    expect(after).toBeGreaterThanOrEqual(REQUEST_MS - 100);
  });

  it("a request that arrives whole is still answered, and a WebSocket outlives the request timeout", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    const alice = await server.user("alice");
    await new Promise((resolve) => setTimeout(resolve, REQUEST_MS + 1_000));
    expect(alice.socket.connected).toBe(true);
    expect((await alice.send("session:state", {})).ok).toBe(true);
  });
});
