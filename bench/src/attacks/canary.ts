import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Socket } from "socket.io-client";
import { emitRaw } from "../raw-socket";
import { percentile, sleep } from "../stats";

export interface CanaryFigures {
  sends: number;
  failed: number;
  p50: number;
  p99: number;
}

/**
 * An ordinary user beside an attack: says a line every `intervalMs` and times each send's
 * answer. A send with no answer within 5 s, or refused, counts as failed.
 */
export function canary(socket: Socket, channel: string, intervalMs = 200) {
  const latencies: number[] = [];
  let failed = 0;
  let stopped = false;
  let n = 0;
  const pending: Array<Promise<void>> = [];
  const done = (async () => {
    while (!stopped) {
      const started = performance.now();
      pending.push(
        emitRaw(socket, "message:send", { target: channel, text: `canary ${n++}` }).then((ack) => {
          if (ack?.ok) latencies.push(performance.now() - started);
          else failed += 1;
        }),
      );
      await sleep(intervalMs);
    }
  })();
  return {
    async stop(): Promise<CanaryFigures> {
      stopped = true;
      await done;
      await Promise.all(pending);
      return {
        sends: latencies.length + failed,
        failed,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
      };
    },
  };
}

/**
 * The canary in a process of its own, as a bystander is on a machine of their own: an attacker's
 * client emitting 10,000 events in one go blocks its own event loop for a quarter of a second,
 * and a canary sharing that loop would time the attacker's client, not the server.
 */
export async function canaryProcess(url: string, token: string, channel: string) {
  const child: ChildProcess = fork(
    fileURLToPath(new URL("./canary-process.ts", import.meta.url)),
    [url, token, channel],
    {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    },
  );
  const next = <T>() => new Promise<T>((resolve) => child.once("message", (message) => resolve(message as T)));
  await next<"ready">();
  return {
    watch() {
      child.send("watch");
      return { stop: () => (child.send("stop"), next<CanaryFigures>()) };
    },
    close() {
      child.send("exit");
    },
  };
}
