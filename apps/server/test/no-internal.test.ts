import {
  CHANNEL_PATTERN,
  clientEventNames,
  clientEvents,
  errorCodes,
  NICK_PATTERN,
  type Ack,
  type ClientEventName,
} from "@canaduck/contract";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, ChatClient, TestServer, type ClientSocket } from "./harness";
import { payloadsFor, type KnownValues } from "./hostile-payloads";
import { emitRaw } from "./security/attack-kit";

/**
 * Every client event, with payloads drawn from its schema and a corpus of hostile Unicode, sent
 * by a logged-in user who is in channels, to a real server on this run's database: each is
 * answered, and with a documented code other than INTERNAL. Runs per event: NO_INTERNAL_RUNS;
 * replay a failure with the seed it prints: NO_INTERNAL_SEED.
 */
const RUNS = Number(process.env.NO_INTERNAL_RUNS ?? 30);
const SEED = process.env.NO_INTERNAL_SEED === undefined ? undefined : Number(process.env.NO_INTERNAL_SEED);
const DATABASE = process.env.TEST_DATABASE === "postgres" ? "PostgreSQL" : "SQLite";
const PASSWORD = "correct horse battery";

/** These end the session they are sent on: each run gets a session of its own. */
const endsSession = new Set<ClientEventName>(["auth:logout", "session:quit", "session:revoke"]);
/** These only do something before login. */
const anonymous = new Set<ClientEventName>(["auth:register", "auth:login"]);

const documented = new Set<string>(errorCodes);

function expectDocumentedAnswer(event: string, payload: unknown, ack: Ack<unknown>): void {
  const shown = `${event} ${JSON.stringify(payload)?.slice(0, 300)}`;
  expect(typeof ack === "object" && ack !== null, `${shown}: not an ack`).toBe(true);
  if (ack.ok) return;
  expect(documented.has(ack.error.code), `${shown}: undocumented code ${ack.error.code}`).toBe(true);
  expect(ack.error.code, shown).not.toBe("INTERNAL");
}

describe(`no input gives INTERNAL (${DATABASE})`, () => {
  let server: TestServer;
  let alice: ChatClient;
  let token: string;
  let spare: { token: string; id: string };
  let known: KnownValues;

  /** A second session of alice's, for the events that end theirs. */
  const spareSession = async () => {
    const socket = await server.connect();
    const login = await call(socket, "auth:login", { name: "alice", password: PASSWORD });
    socket.disconnect();
    if (!login.ok) throw new Error(`login: ${login.error.code}`);
    const listing = await alice.do("session:list", {});
    const session = listing.sessions.find((s) => !s.current); // newest first: the one just made
    return { token: login.data.token, id: session?.id ?? "" };
  };

  /** Puts alice back as the runs found her: connected, named alice, in her channels. */
  const restore = async () => {
    const state = await call(alice.socket, "session:state", {}).catch(() => null);
    if (!state?.ok) {
      alice.socket.disconnect();
      const socket = await server.connect({ token }).catch(() => null);
      if (socket) alice = new ChatClient(socket, token, "alice");
      else {
        const fresh = await server.connect();
        const login = await call(fresh, "auth:login", { name: "alice", password: PASSWORD });
        if (!login.ok) throw new Error(`alice cannot log in again: ${login.error.code}`);
        token = login.data.token;
        alice = new ChatClient(fresh, token, "alice");
      }
    }
    const { user } = await alice.do("session:state", {});
    if (user.name !== "alice") await alice.do("user:nick", { nick: "alice" });
    for (const channel of ["#dev", "#secret"]) await alice.send("channel:join", { channel });
  };

  beforeAll(async () => {
    server = await new TestServer({ RATE_LIMITS: "off" }).start();
    alice = await server.user("alice", PASSWORD); // the first account: an admin, so admin paths are reached too
    token = alice.token;
    const bob = await server.user("bob", PASSWORD);
    await server.user("carol", PASSWORD);
    await alice.do("channel:join", { channel: "#dev" });
    await bob.do("channel:join", { channel: "#dev" });
    await alice.do("channel:join", { channel: "#secret" });
    await alice.do("channel:mode", { channel: "#secret", inviteOnly: true });
    await alice.do("channel:invite", { channel: "#secret", nick: "bob" });
    await bob.do("channel:join", { channel: "#secret" });
    await bob.do("channel:join", { channel: "#bobs" });
    for (const [who, target, text] of [
      [alice, "#dev", "first line"],
      [bob, "#dev", "second line"],
      [alice, "#dev", "third line"],
      [bob, "#secret", "a secret"],
      [alice, "bob", "a direct message"],
      [bob, "alice", "a direct answer"],
    ] as const) {
      const { message } = await who.do("message:send", { target, text, clientId: "retry-1" });
      if (text === "first line") await bob.do("message:react", { target, seq: message.seq, emoji: "🦆" });
    }
    spare = await spareSession();
    const { channels } = await alice.do("session:state", {});
    known = {
      byPattern: {
        [NICK_PATTERN.source]: ["alice", "bob", "carol", "nobody"],
        [CHANNEL_PATTERN.source]: ["#dev", "#secret", "#bobs", "#nowhere"],
      },
      byField: {
        channelId: channels.map((c) => c.id),
        sessionId: [spare.id],
        emoji: ["👍", "🦆", "❤️", "👩‍💻", "🏳️‍🌈"],
        clientId: ["retry-1", "retry-2"],
        password: [PASSWORD],
      },
    };
  });
  afterAll(() => server.dispose());

  /** The connection a run sends on: anonymous, alice's own, or one of a session it may end. */
  const socketFor = async (event: ClientEventName): Promise<{ socket: ClientSocket; done: () => void }> => {
    if (anonymous.has(event)) {
      const socket = await server.connect();
      return { socket, done: () => void socket.disconnect() };
    }
    if (endsSession.has(event)) {
      const socket = await server.connect({ token: spare.token }).catch(async () => {
        spare = await spareSession(); // the last run ended it
        return server.connect({ token: spare.token });
      });
      return { socket, done: () => void socket.disconnect() };
    }
    return { socket: alice.socket, done: () => undefined };
  };

  // Those that end a session or change alice's name or channels last, and one payload a run for
  // the first (the connection closes after their answer): what follows an end is never answered.
  const order = [...clientEventNames].sort(
    (a, b) => Number(endsSession.has(a) || a === "user:nick") - Number(endsSession.has(b) || b === "user:nick"),
  );

  it.each(order)("%s: every answer is a documented code, never INTERNAL", async (event) => {
    const batch = endsSession.has(event) ? 1 : event === "message:send" ? 6 : 3;
    const payloads = fc.array(payloadsFor(clientEvents[event].payload, known), { minLength: 1, maxLength: batch });
    // An event without fields has little to vary: its runs go to the others.
    const fields = Object.keys(clientEvents[event].payload.shape).length;
    await fc
      .assert(
        fc.asyncProperty(payloads, async (sent) => {
          const { socket, done } = await socketFor(event);
          try {
            // Sent together, as a client that does not wait would: sends share a batch this way.
            const answers = await Promise.all(sent.map((payload) => emitRaw(socket, event, payload, 15_000)));
            answers.forEach((ack, i) => expectDocumentedAnswer(event, sent[i], ack));
          } finally {
            done();
          }
        }),
        { numRuns: fields === 0 ? 5 : RUNS, seed: SEED, endOnFailure: true },
      )
      .finally(restore);
  });

  it("still carries chat after all of it", async () => {
    await restore();
    const dave = await server.user("dave", PASSWORD);
    // A channel the runs never named: theirs may be invite-only now, with dave banned.
    await alice.do("channel:join", { channel: "#after" });
    await dave.do("channel:join", { channel: "#after" });
    const heard = dave.next("message:new", (m) => m.text === "still here");
    await alice.do("message:send", { target: "#after", text: "still here" });
    await heard;
  });
});
