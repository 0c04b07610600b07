import type { ClientEventName, ClientEventPayload, ClientEventResult } from "@canaduck/contract";
import type { Actor, UserActor } from "../actor";
import { setAdmin } from "../accounts/set-admin";
import { execute, type Outcome } from "../dispatch";
import type { Clock, DomainDeps, PasswordHasher } from "../ports";
import { InMemoryStore } from "./in-memory-store";
import { boundActor, expectOk } from "./outcomes";

export interface TestClock extends Clock {
  advance(ms: number): void;
}

export interface TestDomainOptions {
  sessionTtlMs?: number;
  maxChannelsPerUser?: number;
  editWindowMs?: number;
}

export interface TestDomain {
  deps: DomainDeps;
  store: InMemoryStore;
  clock: TestClock;
  /** Who Presence reports as connected; add and remove user ids freely. */
  online: Set<string>;
  run<E extends ClientEventName>(
    actor: Actor,
    event: E,
    payload: ClientEventPayload<E>,
  ): Promise<Outcome<ClientEventResult<E>>>;
  /** Runs a command that must succeed, for a test's setup; returns its ack's data. */
  runOk<E extends ClientEventName>(
    actor: Actor,
    event: E,
    payload: ClientEventPayload<E>,
  ): Promise<ClientEventResult<E>>;
  /** Registers `name` (password "password-<name>") and returns the actor its connection became. */
  registerUser(name: string): Promise<UserActor>;
  /** Registers `name` and grants it server admin, as the operator's command line would. */
  registerAdmin(name: string): Promise<UserActor>;
}

export const TEST_START = new Date("2025-01-01T12:00:00.000Z");

export function testClock(start: Date = TEST_START): TestClock {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms) => void (now += ms) };
}

/** Unit tests do not need argon2's cost; the server's integration tests use the real thing. */
export const fakePasswords: PasswordHasher = {
  hash: (password) => Promise.resolve(`h:${password}`),
  verify: (hash, password) => Promise.resolve(hash === `h:${password}`),
};

export const passwordOf = (name: string): string => `password-${name}`;

export function createTestDomain(options: TestDomainOptions = {}): TestDomain {
  const store = new InMemoryStore();
  const clock = testClock();
  const online = new Set<string>();
  let nextId = 0;
  const deps: DomainDeps = {
    store,
    clock,
    ids: { newId: () => `id-${++nextId}` },
    passwords: fakePasswords,
    presence: { onlineAmong: (ids) => Promise.resolve(new Set(ids.filter((id) => online.has(id)))) },
    // No name resolution here: only what the URL itself says (the server resolves names too).
    webhookTargets: {
      refusal: (url) =>
        Promise.resolve(/^https?:\/\/(localhost|127\.|10\.|\[::1\])/i.test(url) ? "a private address" : null),
    },
    config: {
      sessionTtlMs: options.sessionTtlMs ?? 24 * 3600 * 1000,
      ...(options.maxChannelsPerUser === undefined ? {} : { maxChannelsPerUser: options.maxChannelsPerUser }),
      ...(options.editWindowMs === undefined ? {} : { editWindowMs: options.editWindowMs }),
    },
  };
  const run = async <E extends ClientEventName>(actor: Actor, event: E, payload: ClientEventPayload<E>) =>
    // execute answers with the data of `event`'s result schema; the cast names that type.
    (await execute(deps, actor, event, payload)) as Outcome<ClientEventResult<E>>;
  return {
    deps,
    store,
    clock,
    online,
    run,
    runOk: async (actor, event, payload) => expectOk(await run(actor, event, payload)),
    async registerUser(name) {
      return boundActor(await run({ kind: "anonymous" }, "auth:register", { name, password: passwordOf(name) }));
    },
    async registerAdmin(name) {
      const actor = boundActor(await run({ kind: "anonymous" }, "auth:register", { name, password: passwordOf(name) }));
      await setAdmin(deps, { name, admin: true });
      return actor;
    },
  };
}
