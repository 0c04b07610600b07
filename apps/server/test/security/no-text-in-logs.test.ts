import { Writable } from "node:stream";
import type { MessageRecord, Repositories, Store } from "@canaduck/domain";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger";
import { record, TestServer, type ChatClient } from "../harness";

/** Everything a server logs, down to trace, as its JSON lines. */
function capturedLog() {
  let text = "";
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { logger: createLogger("trace", sink), text: () => text };
}

/**
 * While armed, every batch insert of lines fails as a database driver fails: with the statement's
 * values in the error. It first hands the driver a line it cannot store (a lone surrogate, which
 * the contract now refuses); should this driver store it anyway, it throws an error carrying the
 * batch itself, and the transaction rolls back either way. Sends one by one are left alone.
 */
class FailingBatches {
  armed = false;
  /** The authors of each batch that failed. */
  readonly failed: string[][] = [];

  wrap = (inner: Store): Store => ({
    transaction: (work) => inner.transaction((repos) => work(this.poisoned(repos))),
    bulkTransaction: (work) => inner.bulkTransaction((repos) => work(this.poisoned(repos))),
    read: (work) => inner.read(work),
    readSnapshot: (work) => inner.readSnapshot(work),
  });

  private poisoned(repos: Repositories): Repositories {
    const insertMany = async (records: readonly MessageRecord[]) => {
      if (!this.armed) return repos.messages.insertMany(records);
      this.failed.push(records.map((r) => r.authorName ?? ""));
      const broken = records.map((r, i) => (i === 0 ? { ...r, text: `${r.text}\ud800` } : r));
      await repos.messages.insertMany(broken);
      const values = JSON.stringify(records);
      throw Object.assign(new Error(`Invalid insert invocation: ${values}`), {
        code: "P2010",
        meta: { values },
        cause: new Error(values),
      });
    };
    return { ...repos, messages: { ...repos.messages, insertMany } };
  }
}

describe("the log never carries what people wrote", () => {
  let server: TestServer | undefined;
  afterEach(() => server?.dispose());

  it("keeps other users' lines out of the warning about a failed batch of sends, and loses none of them", async () => {
    const log = capturedLog();
    const batches = new FailingBatches();
    const running = await new TestServer({ RATE_LIMITS: "off" }, { store: batches.wrap }, log.logger).start();
    server = running;
    const [alice, bob, carol, dave] = await Promise.all(["alice", "bob", "carol", "dave"].map((n) => running.user(n)));
    if (!alice || !bob || !carol || !dave) throw new Error("users were not registered");
    // Two invite-only channels, each with members who are not in the other.
    for (const [owner, channel, guests] of [
      [alice, "#secret", [bob, carol]],
      [dave, "#vault", [carol]],
    ] as const) {
      await owner.do("channel:join", { channel });
      await owner.do("channel:mode", { channel, inviteOnly: true });
      for (const guest of guests) {
        await owner.do("channel:invite", { channel, nick: guest.name });
        await guest.do("channel:join", { channel });
      }
    }
    const heardByCarol = record(carol.socket, "message:new");

    batches.armed = true;
    const sends: Array<[ChatClient, string, string]> = [];
    for (let i = 0; i < 10; i++) {
      sends.push([alice, "#secret", `alice whispers plan ${i} zebra-${i * 7}`]);
      sends.push([bob, "#secret", `bob replies ${i} quokka-${i * 11}`]);
      sends.push([dave, "#vault", `dave stores ${i} narwhal-${i * 13}`]);
      sends.push([carol, "#vault", `carol notes ${i} axolotl-${i * 17}`]);
    }
    const acks = await Promise.all(sends.map(([who, target, text]) => who.send("message:send", { target, text })));
    batches.armed = false;

    // The failed batch held several people's lines, and each was stored on its own after all.
    expect(batches.failed.some((authors) => new Set(authors).size > 1)).toBe(true);
    expect(acks.filter((ack) => !ack.ok)).toEqual([]);
    const texts = sends.map(([, , text]) => text);
    await expect.poll(() => heardByCarol.length, { timeout: 10_000 }).toBe(texts.length);
    expect(new Set(heardByCarol.map((m) => m.text))).toEqual(new Set(texts));

    await running.stop(); // its last lines are written before the log is read
    const text = log.text();
    expect(text).toContain("CanaDuck stopped");
    const warnings = text.split("\n").filter((line) => line.includes("a batch of sends failed"));
    expect(warnings.length).toBeGreaterThan(0);
    for (const line of texts) expect(text).not.toContain(line);
    for (const word of ["zebra", "quokka", "narwhal", "axolotl", "whispers"]) expect(text).not.toContain(word);
    // What the operator still reads: which kind of error (the driver's own, or the one above) and where it was thrown.
    const { err } = JSON.parse(warnings[0] ?? "{}") as { err: { type: string; stack: string } };
    expect(err.type).toMatch(/Error$/);
    expect(err.stack).toMatch(/^ +at /);
  });

  it("answers a lone surrogate in any free text INVALID_PAYLOAD, and logs no failure for it", async () => {
    const log = capturedLog();
    server = await new TestServer({}, {}, log.logger).start();
    const alice = await server.user("alice");
    const bob = await server.user("bob");
    await alice.do("channel:join", { channel: "#dev" });
    await bob.do("channel:join", { channel: "#dev" });
    const broken = "half a duck \ud83e";
    const answers = [
      await alice.send("message:send", { target: "#dev", text: broken }),
      await alice.send("message:send", { target: "bob", text: broken }),
      await alice.send("channel:topic", { channel: "#dev", topic: broken }),
      await alice.send("channel:kick", { channel: "#dev", nick: "bob", reason: broken }),
      await alice.send("channel:ban", { channel: "#dev", nick: "bob", reason: broken }),
      await alice.send("channel:part", { channel: "#dev", reason: broken }),
      await alice.send("server:alert", { text: broken }),
      await alice.send("session:quit", { message: broken }),
    ];
    for (const answer of answers) expect(answer.ok || answer.error.code).toBe("INVALID_PAYLOAD");
    await server.stop();
    expect(log.text()).not.toMatch(/"level":(50|60)/);
    expect(log.text()).not.toContain("half a duck");
  });
});
