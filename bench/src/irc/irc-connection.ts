import { connect, type Socket } from "node:net";

/** Who a connection registers as; a password is sent as `PASS nick:password` (CanaDuck's account login). */
export interface IrcLogin {
  nick: string;
  password?: string;
}

/** A line's words without its tags: [prefix, command or numeric, target, …] for a line from the server. */
const wordsOf = (line: string) => line.replace(/^@\S+ /, "").split(" ");

/** One read buffer for every connection: reads are handled one at a time, on this thread. */
const READ_BUFFER = Buffer.alloc(64 * 1024);

interface Waiter {
  done: (line: string) => "resolve" | "reject" | undefined;
  resolve: (line: string) => void;
  reject: (error: Error) => void;
}

/** Numerics that end a registration attempt in failure (nick refused, ERR_PASSWDMISMATCH, banned, SASL failures). */
const REGISTRATION_FAILURES = new Set(["432", "433", "436", "464", "465", "904", "905", "906"]);
/** Numerics that refuse a JOIN (no such channel, too many, full, invite-only, banned, key, needs an account …). */
const JOIN_FAILURES = new Set(["403", "405", "471", "473", "474", "475", "476", "477", "479"]);

/**
 * A bare IRC client over `node:net`, no IRC library: writes raw lines, answers PING, and hands
 * every PRIVMSG's text to `onPrivmsg`. Lines are decoded as latin1: the bench's texts are ASCII.
 * A fan-out receiver takes the raw bytes instead (`takeOver`), to parse nothing it does not need.
 */
export class IrcConnection {
  readonly socket: Socket;
  /** Called with the text of every PRIVMSG received (after the " :"), and the whole line. */
  onPrivmsg: (text: string, line: string) => void = () => {};
  private pending = "";
  private raw: ((chunk: Buffer) => void) | undefined;
  private waiters: Waiter[] = [];
  private closedWith: Error | undefined;

  private constructor(port: number) {
    // `onread` hands each read to us in one reused buffer, past the streams machinery: at
    // thousands of small reads a second, a Buffer and a 'data' event each cost more than the parse.
    const socket = connect({
      port,
      host: "127.0.0.1",
      onread: { buffer: READ_BUFFER, callback: (n) => this.chunk(READ_BUFFER.subarray(0, n)) },
    });
    this.socket = socket;
    socket.setNoDelay(true);
    const fail = (error: Error) => {
      this.closedWith = error;
      for (const w of this.waiters.splice(0)) w.reject(error);
    };
    socket.on("error", fail);
    socket.on("close", () => fail(new Error("connection closed")));
  }

  /** Connects and registers; resolves once the server has sent 001, rejects on a refusal or after `timeoutMs`. */
  static async open(port: number, login: IrcLogin, timeoutMs = 60_000): Promise<IrcConnection> {
    const connection = new IrcConnection(port);
    const welcomed = connection.waitFor((line) => {
      const [first, numeric] = wordsOf(line);
      if (numeric === "001") return "resolve";
      return first === "ERROR" || REGISTRATION_FAILURES.has(numeric ?? "") ? "reject" : undefined;
    }, timeoutMs);
    const pass = login.password === undefined ? "" : `PASS ${login.nick}:${login.password}\r\n`;
    connection.send(`${pass}NICK ${login.nick}\r\nUSER ${login.nick} 0 * :${login.nick}\r\n`);
    await welcomed;
    return connection;
  }

  /** Joins `channel`; resolves at its end of NAMES (366), rejects on a refusal numeric. */
  async join(channel: string, timeoutMs = 60_000): Promise<void> {
    const key = channel.toLowerCase();
    const joined = this.waitFor((line) => {
      const [, numeric, , target] = wordsOf(line);
      if (numeric === "366" && target?.toLowerCase() === key) return "resolve";
      return numeric !== undefined && JOIN_FAILURES.has(numeric) ? "reject" : undefined;
    }, timeoutMs);
    this.send(`JOIN ${channel}\r\n`);
    await joined;
  }

  /** Valid only during the call: the read buffer is reused (raw readers copy what they keep). */
  private chunk(data: Buffer): boolean {
    if (this.raw) this.raw(data);
    else this.read(data.toString("latin1"));
    return true;
  }

  /** From now on every chunk received goes to `reader` as it came, unparsed (any partial line already read is lost). */
  takeOver(reader: (chunk: Buffer) => void): void {
    // `reader` gets a view of the shared read buffer, valid only during its call.
    this.raw = reader;
    this.pending = "";
  }

  send(lines: string): void {
    this.socket.write(lines, "latin1");
  }

  close(): void {
    this.socket.destroy();
  }

  private waitFor(done: Waiter["done"], timeoutMs: number): Promise<string> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = {
        done,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.push(waiter);
    });
  }

  private read(chunk: string): void {
    const data = this.pending + chunk;
    let start = 0;
    for (let end = data.indexOf("\r\n"); end !== -1; end = data.indexOf("\r\n", start)) {
      this.line(data.slice(start, end));
      start = end + 2;
    }
    this.pending = data.slice(start);
  }

  private line(line: string): void {
    const privmsg = line.indexOf(" PRIVMSG ");
    if (privmsg !== -1) {
      const text = line.indexOf(" :", privmsg + 9);
      if (text !== -1) this.onPrivmsg(line.slice(text + 2), line);
      return;
    }
    if (line.startsWith("PING")) {
      this.send(`PONG${line.slice(4)}\r\n`);
      return;
    }
    if (this.waiters.length === 0) return;
    for (const waiter of [...this.waiters]) {
      const outcome = waiter.done(line);
      if (outcome === undefined) continue;
      this.waiters = this.waiters.filter((w) => w !== waiter);
      if (outcome === "resolve") waiter.resolve(line);
      else waiter.reject(new Error(line));
    }
  }
}
