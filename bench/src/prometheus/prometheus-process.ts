import { spawn, type ChildProcess } from "node:child_process";
import { sleep } from "../stats";

/** One sample of an instant query's answer (`resultType: "vector"`). */
export interface Sample {
  metric: Record<string, string>;
  value: [number, string];
}

/** What `/api/v1/query` answers: data, or the error Prometheus reports (a parse error, say). */
export type QueryAnswer = { ok: true; samples: Sample[] } | { ok: false; error: string };

interface ApiBody {
  status: "success" | "error";
  data?: { resultType: string; result: unknown };
  error?: string;
}

/**
 * A real `prometheus` server of the test's own: its config file, its own TSDB folder, a free
 * loopback port, stopped by its PID. Queries go through the same HTTP API Grafana uses.
 */
export class PrometheusProcess {
  private child: ChildProcess | undefined;
  private output = "";

  constructor(
    private readonly configFile: string,
    private readonly dataDir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(
      "prometheus",
      [
        `--config.file=${this.configFile}`,
        `--storage.tsdb.path=${this.dataDir}`,
        `--web.listen-address=127.0.0.1:${this.port}`,
        "--log.level=warn",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`prometheus exited with ${child.exitCode}:\n${this.output}`);
      const ready = await fetch(`${this.url}/-/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) return;
      await sleep(100);
    }
    throw new Error(`prometheus not ready within 20 s:\n${this.output}`);
  }

  /** Its log so far, for a failure's message. */
  get log(): string {
    return this.output;
  }

  async api<T>(pathAndQuery: string): Promise<T> {
    const res = await fetch(`${this.url}${pathAndQuery}`);
    const body = (await res.json()) as ApiBody;
    if (body.status !== "success") throw new Error(`${pathAndQuery}: ${body.error ?? res.status}`);
    return body.data as T;
  }

  /** An instant query, as a Grafana panel's refresh sends it. */
  async query(expr: string): Promise<QueryAnswer> {
    const res = await fetch(`${this.url}/api/v1/query`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ query: expr }),
    });
    const body = (await res.json()) as ApiBody;
    if (body.status !== "success" || !body.data) return { ok: false, error: body.error ?? `HTTP ${res.status}` };
    if (body.data.resultType !== "vector")
      return { ok: false, error: `a ${body.data.resultType}, not an instant vector` };
    return { ok: true, samples: body.data.result as Sample[] };
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    await exited;
    this.child = undefined;
  }
}
