import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROTOCOL_VERSION, type Ack } from "@canaduck/contract";
import { io as connect } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../admin-process";
import { call, type ClientSocket } from "../harness";

const serverDir = path.resolve(import.meta.dirname, "../..");

/** The server's own entry point (main.ts, through tsx) in a process of its own, as a supervisor runs it. */
async function startServer(dir: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", import.meta.resolve("tsx"), path.join(serverDir, "src", "main.ts")],
    {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        PORT: String(port),
        // Test files run at once: the default 6667 would collide.
        IRC_PORT: "0",
        HOST: "127.0.0.1",
        DATABASE_URL: `file:${path.join(dir, "chat.db")}`,
        WEB_DIST: path.join(dir, "no-web"),
        RATE_LIMITS: "off",
        SHUTDOWN_GRACE_MS: "3000",
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("CanaDuck is listening")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
  });
  return child;
}

type Answer = Ack<unknown> | "none";

describe("a server told to stop (SIGTERM)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "canaduck-sigterm-"));
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers every send that reaches it while it stops: stored, or UNAVAILABLE", async () => {
    const port = await freePort();
    child = await startServer(dir, port);
    const socket = connect(`http://127.0.0.1:${port}`, {
      auth: { protocol: PROTOCOL_VERSION },
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
    }) as ClientSocket;
    await new Promise((resolve) => socket.once("connect", () => resolve(undefined)));
    const grant = await call(socket, "auth:register", { name: "alice", password: "correct horse battery" });
    expect(grant.ok).toBe(true);
    expect((await call(socket, "channel:join", { channel: "#dev" })).ok).toBe(true);

    // Sends keep going out, a few milliseconds apart, from before the signal until 100 ms after
    // the server's shutdown notice (sends already on their way when it comes), or until the
    // connection closes; each is recorded with its answer, or "none" if it never came.
    const answers: Array<Promise<Answer>> = [];
    let open = true;
    socket.once("session:ended", () => setTimeout(() => (open = false), 100));
    socket.once("disconnect", () => (open = false));
    const sending = (async () => {
      for (let i = 0; open && i < 2_000; i += 1) {
        answers.push(
          call(socket, "message:send", { target: "#dev", text: `line ${i}`, clientId: `c${i}` }, 5_000).catch(
            () => "none" as const,
          ),
        );
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const exited = new Promise((resolve) => child?.once("exit", resolve));
    child.kill("SIGTERM");
    await sending;
    await exited;
    const settled = await Promise.all(answers);

    const none = settled.filter((a) => a === "none").length;
    const unavailable = settled.filter((a) => a !== "none" && !a.ok && a.error.code === "UNAVAILABLE").length;
    const stored = settled.filter((a) => a !== "none" && a.ok).length;
    expect({ none, other: settled.length - none - unavailable - stored }).toEqual({ none: 0, other: 0 });
    expect(stored).toBeGreaterThan(0);
    expect(unavailable).toBeGreaterThan(0);
  }, 90_000);
});
