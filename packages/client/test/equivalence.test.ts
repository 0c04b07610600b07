/**
 * The verify_action test: for every command that writes to a conversation's log or
 * changes what a member sees, a client connected while it runs (live events) and a client that
 * was away and reconnects (one session:sync) must both end in exactly the state of a fresh client
 * that logs in afterwards, for the lines the fresh client loaded and the read state.
 */
import { clientEventNames, limits, type ClientEventName, type ClientEventPayload } from "@canaduck/contract";
import { startOgSite, TestServer, type OgSite } from "@canaduck/server/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatClient } from "../src/chat-client";
import type { ChatState } from "../src/state";
import { waitForState } from "../src/wait-for-state";
import { conversationSnapshot, loadedFrom } from "./conversation-snapshot";

type Actor = Awaited<ReturnType<TestServer["user"]>>;
const PASSWORD = "correct horse battery";
/** The server's one administrator (granted as the operator does), registered when a scenario first needs it. */
const ADMIN = "sysop";

/** One scenario's people and channel: the viewer's clients are compared, the others act. */
interface World {
  channel: string;
  owner: Actor;
  bob: Actor;
  /** The viewer on a device of its own (read markers, its own reactions and joins). */
  viewer: Actor;
  /** The seq of a line said so far, by its text. */
  seqOf(text: string): number;
  say(actor: Actor, text: string, extra?: Partial<ClientEventPayload<"message:send">>): Promise<number>;
  n: number;
}

interface Scenario {
  name: string;
  /** The catalog's events this scenario runs. */
  covers: ClientEventName[];
  prepare?: (w: World) => Promise<void>;
  run: (w: World) => Promise<void>;
}

const scenarios: Scenario[] = [
  {
    name: "a text line that mentions the viewer, and a /me line",
    covers: ["message:send"],
    run: async (w) => {
      await w.say(w.bob, `vera${w.n}: look`);
      await w.say(w.bob, "waves", { action: true });
    },
  },
  {
    name: "a bot joins and speaks through its token over HTTP: its lines are marked as a bot's",
    covers: ["message:send"],
    run: async (w) => {
      const bot = `dicebot${w.n}`;
      await w.owner.do("bot:create", { name: bot });
      const { token } = await w.owner.do("token:create", { name: "run", scopes: ["read", "write"], bot });
      const api = (method: string, path: string, body?: unknown) =>
        fetch(`${serverOf(w).url}/api/v1/channels/${w.channel.slice(1)}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      expect((await api("PUT", "/membership")).status).toBe(200);
      expect((await api("POST", "/messages", { text: "beep" })).status).toBe(201);
    },
  },
  {
    name: "more entries while away than a sync returns: the reconnecting client starts afresh",
    covers: ["message:send"],
    run: async (w) => {
      for (let i = 0; i <= limits.syncEntriesMax; i++) await w.say(w.bob, `flood ${i}`);
      await w.bob.do("message:edit", { target: w.channel, seq: w.seqOf("flood 190"), text: "edited flood" });
    },
  },
  {
    name: "a line with a link, then its preview (a change entry the server writes after the line)",
    covers: ["message:send"],
    run: async (w) => {
      const previewed = w.bob.next("message:new", (m) => m.kind === "preview");
      await w.say(w.bob, `have a look: ${siteOf(w).url}/duck?${w.n}`);
      await previewed;
    },
  },
  {
    name: "the owner turns the channel's link previews off",
    covers: ["channel:mode"],
    run: async (w) => void (await w.owner.do("channel:mode", { channel: w.channel, previews: false })),
  },
  {
    name: "a reply to the viewer's line",
    covers: ["message:send"],
    run: async (w) => void (await w.say(w.bob, "answer", { replyTo: w.seqOf("vera here") })),
  },
  {
    name: "a direct message to the viewer (a conversation it did not hold)",
    covers: ["message:send"],
    run: async (w) => void (await w.bob.do("message:send", { target: w.viewer.name, text: "psst" })),
  },
  {
    name: "an edit of a line that was replied to",
    covers: ["message:edit"],
    prepare: async (w) => void (await w.say(w.viewer, "replying", { replyTo: w.seqOf("bob says hi") })),
    run: async (w) => {
      await w.bob.do("message:edit", {
        target: w.channel,
        seq: w.seqOf("bob says hi"),
        text: `bob says hello vera${w.n}`,
      });
    },
  },
  {
    name: "the author deletes an unread line that was replied to and reacted to",
    covers: ["message:delete"],
    prepare: async (w) => {
      await w.say(w.owner, "replying", { replyTo: w.seqOf("bob says hi") });
      await w.owner.do("message:react", { target: w.channel, seq: w.seqOf("bob says hi"), emoji: "👍" });
    },
    run: async (w) => void (await w.bob.do("message:delete", { target: w.channel, seq: w.seqOf("bob says hi") })),
  },
  {
    name: "an operator deletes someone else's line",
    covers: ["message:delete"],
    run: async (w) => void (await w.owner.do("message:delete", { target: w.channel, seq: w.seqOf("bob says hi") })),
  },
  {
    name: "an admin deletes a line in a channel it is not in",
    covers: ["message:delete"],
    run: async (w) => {
      const admin = await adminOf(w);
      await admin.do("message:delete", { target: w.channel, seq: w.seqOf("bob says hi") });
    },
  },
  {
    name: "reactions by others and by the viewer",
    covers: ["message:react"],
    run: async (w) => {
      await w.bob.do("message:react", { target: w.channel, seq: w.seqOf("vera here"), emoji: "👍" });
      await w.viewer.do("message:react", { target: w.channel, seq: w.seqOf("vera here"), emoji: "🎉" });
      await w.viewer.do("message:react", { target: w.channel, seq: w.seqOf("vera here"), emoji: "👍" });
    },
  },
  {
    name: "reactions taken back",
    covers: ["message:unreact"],
    prepare: async (w) => {
      for (const who of [w.bob, w.viewer, w.owner])
        await who.do("message:react", { target: w.channel, seq: w.seqOf("bob says hi"), emoji: "👍" });
      await w.bob.do("message:react", { target: w.channel, seq: w.seqOf("bob says hi"), emoji: "🎉" });
    },
    run: async (w) => {
      await w.bob.do("message:unreact", { target: w.channel, seq: w.seqOf("bob says hi"), emoji: "👍" });
      await w.viewer.do("message:unreact", { target: w.channel, seq: w.seqOf("bob says hi"), emoji: "👍" });
    },
  },
  {
    name: "the viewer reads on another device",
    covers: ["read:mark"],
    prepare: async (w) => {
      for (const text of ["one", `two vera${w.n}`, "three", `four vera${w.n}`]) await w.say(w.bob, text);
    },
    run: async (w) => void (await w.viewer.do("read:mark", { target: w.channel, seq: w.seqOf("two vera" + w.n) })),
  },
  {
    name: "someone joins, and the viewer joins another channel on another device",
    covers: ["channel:join"],
    prepare: async (w) => {
      await w.owner.do("channel:join", { channel: `${w.channel}x` });
      await w.owner.do("message:send", { target: `${w.channel}x`, text: "before vera came" });
    },
    run: async (w) => {
      const carol = await serverOf(w).user(`carol${w.n}`);
      await carol.do("channel:join", { channel: w.channel });
      await w.viewer.do("channel:join", { channel: `${w.channel}x` });
    },
  },
  {
    name: "someone parts, and the viewer parts on another device",
    covers: ["channel:part"],
    prepare: async (w) => void (await w.viewer.do("channel:join", { channel: `${w.channel}x` })),
    run: async (w) => {
      await w.bob.do("channel:part", { channel: w.channel, reason: "bye" });
      await w.viewer.do("channel:part", { channel: `${w.channel}x` });
    },
  },
  {
    name: "a member is kicked, then the viewer is",
    covers: ["channel:kick"],
    prepare: async (w) => {
      await w.viewer.do("channel:join", { channel: `${w.channel}x` });
    },
    run: async (w) => {
      await w.owner.do("channel:kick", { channel: w.channel, nick: w.bob.name, reason: "calm down" });
      await w.owner.do("channel:kick", { channel: w.channel, nick: w.viewer.name });
    },
  },
  {
    name: "a member is banned and unbanned",
    covers: ["channel:ban", "channel:unban"],
    run: async (w) => {
      await w.owner.do("channel:ban", { channel: w.channel, nick: w.bob.name, durationSeconds: 600 });
      await w.owner.do("channel:unban", { channel: w.channel, nick: w.bob.name });
    },
  },
  {
    name: "the topic and the mode change",
    covers: ["channel:topic", "channel:mode"],
    run: async (w) => {
      await w.owner.do("channel:topic", { channel: w.channel, topic: "equivalence" });
      await w.owner.do("channel:mode", { channel: w.channel, inviteOnly: true });
    },
  },
  {
    name: "the viewer and bob are made operators, then bob is made a member again",
    covers: ["channel:op", "channel:deop"],
    run: async (w) => {
      await w.owner.do("channel:op", { channel: w.channel, nick: w.viewer.name });
      await w.owner.do("channel:op", { channel: w.channel, nick: w.bob.name });
      await w.owner.do("channel:deop", { channel: w.channel, nick: w.bob.name });
    },
  },
  {
    name: "the viewer is invited to an invite-only channel",
    covers: ["channel:invite"],
    prepare: async (w) => {
      await w.owner.do("channel:join", { channel: `${w.channel}i` });
      await w.owner.do("channel:mode", { channel: `${w.channel}i`, inviteOnly: true });
    },
    run: async (w) => void (await w.owner.do("channel:invite", { channel: `${w.channel}i`, nick: w.viewer.name })),
  },
  {
    name: "the viewer closes a direct conversation on another device",
    covers: ["direct:close"],
    prepare: async (w) => void (await w.bob.do("message:send", { target: w.viewer.name, text: "psst" })),
    run: async (w) => void (await w.viewer.do("direct:close", { nick: w.bob.name })),
  },
  {
    name: "the viewer opens a closed direct conversation again on another device, and a line reopens another",
    covers: ["direct:open"],
    prepare: async (w) => {
      await w.bob.do("message:send", { target: w.viewer.name, text: "psst" });
      await w.owner.do("message:send", { target: w.viewer.name, text: "hey" });
      await w.viewer.do("direct:close", { nick: w.bob.name });
      await w.viewer.do("direct:close", { nick: w.owner.name });
    },
    run: async (w) => {
      await w.viewer.do("direct:open", { nick: w.bob.name });
      await w.owner.do("message:send", { target: w.viewer.name, text: "still there?" });
    },
  },
  {
    name: "a member changes nick",
    covers: ["user:nick"],
    run: async (w) => void (await w.bob.do("user:nick", { nick: `robert${w.n}` })),
  },
  {
    name: "a member quits with a message",
    covers: ["session:quit"],
    run: async (w) => void (await w.bob.do("session:quit", { message: "off to lunch" })),
  },
];

/** Events that change no conversation state a member sees, and why. */
const notConversationState: Partial<Record<ClientEventName, string>> = {
  "auth:register": "creates an account; no conversation changes",
  "auth:login": "starts a session; the client's catch-up is what the scenarios compare",
  "auth:logout": "ends the session: the client forgets everything",
  "session:state": "reads",
  "session:sync": "reads (it is the away client's catch-up in every scenario)",
  "session:list": "reads",
  "session:revoke": "ends a session: its clients forget everything",
  "user:suspend": "ends the account's sessions; its lines stay as they are",
  "user:unsuspend": "lets an account log in again; nothing in any log",
  "channel:list": "reads",
  "channel:bans": "reads (the ban list is asked for; bans themselves are ban lines in the log)",
  "channel:who": "reads (the member list is asked for, not kept in sync by the log)",
  "history:read": "reads (every scenario's fresh client and gap fills use it)",
  "audit:log": "reads",
  "search:query": "reads (finds lines; opening one is history:read around it)",
  "server:alert": "a notice to everyone connected, kept in no conversation",
  "server:help": "reads",
  "typing:set": "a passing indication, in no log and no page",
  "user:away": "a user's state (whois, member lists), in no conversation's log",
  "user:whois": "reads",
  "user:ignore": "the user's own list (session state); every line stays in the log, clients hide them",
  "user:unignore": "as user:ignore",
  "settings:update": "the user's preferences, in no conversation (session:sync carries them to a reconnecting client)",
  "token:create": "an API token for a program: the account's, in no conversation",
  "token:list": "reads",
  "token:revoke": "ends a token's sessions, as session:revoke does: its clients forget everything",
  "bot:create": "an account, in no conversation until it joins one",
  "bot:list": "reads",
  "webhook:create": "a channel's integration setting, kept out of its log (deliveries carry log entries out)",
  "webhook:create-incoming":
    "a bot joins the channel: its join line is in the log, as any join is; the hook itself is in no conversation",
  "webhook:list": "reads",
  "webhook:delete": "a channel's integration setting, in no conversation",
  "webhook:deliveries": "reads",
};

describe("every change is an event: connected, reconnecting and fresh clients agree", () => {
  let server: TestServer;
  /** A local web site the link-preview scenario links to (allow-listed for this server only). */
  let site: OgSite;
  let counter = 0;
  const clients: ChatClient[] = [];
  beforeAll(async () => {
    site = await startOgSite();
    // Every scenario registers its own people: the per-address budgets would refuse them.
    server = await new TestServer({
      RATE_LIMITS: "off",
      LINK_PREVIEWS: "on",
      PREVIEW_ALLOWED_HOSTS: site.host,
    }).start();
    sites.set(server, site);
  });
  afterAll(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.dispose();
    await site.close();
  });

  it("covers every event of the catalog, or says why it changes no conversation", () => {
    const covered = new Set(scenarios.flatMap((s) => s.covers));
    const unaccounted = clientEventNames.filter((e) => !covered.has(e) && !(e in notConversationState));
    const both = clientEventNames.filter((e) => covered.has(e) && e in notConversationState);
    expect({ unaccounted, both }).toEqual({ unaccounted: [], both: [] });
  });

  for (const scenario of scenarios)
    it(scenario.name, async () => {
      const w = await world(server, (counter += 1));
      await scenario.prepare?.(w);
      const live = await viewerClient(w);
      const away = await viewerClient(w);
      const awaySocket = socketOf(away);
      awaySocket.disconnect();
      await scenario.run(w);
      awaySocket.connect();
      const fresh = await viewerClient(w);
      const expected = conversationSnapshot(fresh.getState(), loadedFrom(fresh.getState()));
      const seen = (c: ChatClient) => conversationSnapshot(c.getState(), loadedFrom(fresh.getState()));
      // Live events and the reconnect's sync may still be arriving: wait for agreement, then compare.
      const agrees = (s: ChatState) =>
        JSON.stringify(conversationSnapshot(s, loadedFrom(fresh.getState()))) === JSON.stringify(expected);
      await Promise.all([live, away].map((c) => waitForState(c, agrees, 3_000).catch(() => undefined)));
      expect(seen(live), "the client connected while it ran").toEqual(expected);
      expect(seen(away), "the client that reconnected after it").toEqual(expected);
      expect(expected.conversations.length).toBeGreaterThan(0);
    });

  /** Three users in a channel with a line each; the viewer's name is vera<n>. */
  async function world(s: TestServer, n: number): Promise<World> {
    const owner = await s.user(`olive${n}`, PASSWORD);
    const bob = await s.user(`bob${n}`, PASSWORD);
    const viewer = await s.user(`vera${n}`, PASSWORD);
    const channel = `#eq${n}`;
    for (const who of [owner, bob, viewer]) await who.do("channel:join", { channel });
    const seq: Record<string, number> = {};
    const w: World = {
      channel,
      owner,
      bob,
      viewer,
      seqOf: (text) => {
        const found = seq[text];
        if (found === undefined) throw new Error(`no line "${text}" was said`);
        return found;
      },
      n,
      say: async (actor, text, extra = {}) => {
        const { message } = await actor.do("message:send", { target: channel, text, ...extra });
        seq[text] = message.seq;
        return message.seq;
      },
    };
    servers.set(w, s);
    for (const [who, text] of [
      [owner, "hello from olive"],
      [bob, "bob says hi"],
      [viewer, "vera here"],
    ] as const)
      await w.say(who, text);
    return w;
  }

  async function viewerClient(w: World): Promise<ChatClient> {
    const c = new ChatClient({ url: server.url, socket: { reconnectionDelay: 50, reconnectionDelayMax: 200 } });
    clients.push(c);
    const ack = await c.login(w.viewer.name, PASSWORD);
    if (!ack.ok) throw new Error(`login: ${ack.error.code}`);
    return c;
  }
});

const servers = new WeakMap<World, TestServer>();
const serverOf = (w: World): TestServer => {
  const s = servers.get(w);
  if (!s) throw new Error("no server for this world");
  return s;
};

const sites = new WeakMap<TestServer, OgSite>();
const siteOf = (w: World): OgSite => {
  const s = sites.get(serverOf(w));
  if (!s) throw new Error("no web site for this server");
  return s;
};

const admins = new WeakMap<TestServer, Promise<Actor>>();
const adminOf = (w: World): Promise<Actor> => {
  const s = serverOf(w);
  const existing = admins.get(s);
  if (existing) return existing;
  const admin = s.admin(ADMIN, PASSWORD);
  admins.set(s, admin);
  return admin;
};

/** The client's socket, to take it offline and back as a dropped connection would. */
const socketOf = (c: ChatClient) => (c as unknown as { socket: { disconnect(): void; connect(): void } }).socket;
