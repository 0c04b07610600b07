import { connect, type Socket } from "node:net";
import { LineSplitter, parseLine, type IrcMessage } from "../../src/irc/line";

/**
 * A raw IRC client over real TCP, for tests that must see every line exactly as sent (numerics,
 * tags, batches) — which a client library would interpret and hide.
 */
export class IrcTestClient {
  readonly received: IrcMessage[] = [];
  /** Index of the first line `next` has not yet handed out. */
  private cursor = 0;
  private readonly splitter = new LineSplitter(1 << 20);
  private waiters: Array<() => void> = [];
  closed = false;

  private constructor(readonly socket: Socket) {
    socket.on("data", (data: Buffer) => {
      for (const line of this.splitter.push(data)) {
        if (line === "too-long") continue;
        const parsed = parseLine(line.length > 8000 ? line.subarray(0, 8000) : line);
        if (parsed.ok) this.received.push(parsed.message);
      }
      this.wake();
    });
    socket.on("close", () => {
      this.closed = true;
      this.wake();
    });
    socket.on("error", () => undefined);
  }

  static open(port: number): Promise<IrcTestClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, "127.0.0.1", () => resolve(new IrcTestClient(socket)));
      socket.once("error", reject);
    });
  }

  private wake() {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  send(...lines: string[]): void {
    for (const line of lines) this.socket.write(`${line}\r\n`);
  }

  /** The next line (after those already taken) that matches; the lines before it are passed over. */
  async next(match: (m: IrcMessage) => boolean, timeoutMs = 5_000): Promise<IrcMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.cursor < this.received.length) {
        const message = this.received[this.cursor++];
        if (message && match(message)) return message;
      }
      if (this.closed) throw new Error(`closed; saw:\n${this.transcript()}`);
      if (Date.now() > deadline) throw new Error(`timed out; saw:\n${this.transcript()}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /** The next line with this command (a numeric or a word) and, when given, first parameters. */
  expect(command: string, ...params: string[]): Promise<IrcMessage> {
    return this.next((m) => m.command === command && params.every((p, i) => m.params[i] === p));
  }

  /** Every line from now until (and with) the first that matches. */
  async until(match: (m: IrcMessage) => boolean): Promise<IrcMessage[]> {
    const from = this.cursor;
    await this.next(match);
    return this.received.slice(from, this.cursor);
  }

  /** Lines seen after the cursor within `ms`: for asserting that something did not arrive. */
  async quietFor(ms: number): Promise<IrcMessage[]> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    const lines = this.received.slice(this.cursor);
    this.cursor = this.received.length;
    return lines;
  }

  transcript(): string {
    return this.received
      .map((m) => `${m.source ?? ""} ${m.command} ${m.params.join(" | ")}`)
      .slice(-40)
      .join("\n");
  }

  close(): void {
    this.socket.destroy();
  }
}

const plain = (account: string, password: string) =>
  Buffer.from(`${account}\0${account}\0${password}`).toString("base64");

/** Registers with CAP LS 302, the capabilities asked for and SASL PLAIN; resolves after 001. */
export async function saslClient(
  port: number,
  account: string,
  password = "correct horse battery",
  caps: string[] = [],
): Promise<IrcTestClient> {
  const client = await IrcTestClient.open(port);
  client.send("CAP LS 302", "NICK guest", "USER guest 0 * :Guest");
  await client.next((m) => m.command === "CAP" && m.params[1] === "LS");
  client.send(`CAP REQ :${["sasl", ...caps].join(" ")}`);
  await client.next((m) => m.command === "CAP" && m.params[1] === "ACK");
  client.send("AUTHENTICATE PLAIN");
  await client.expect("AUTHENTICATE", "+");
  client.send(`AUTHENTICATE ${plain(account, password)}`);
  await client.expect("903");
  client.send("CAP END");
  await client.expect("001");
  return client;
}

export { plain as saslPlain };
