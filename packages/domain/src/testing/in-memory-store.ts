import type { Repositories, Store } from "../ports";
import { memoryRepositories } from "./memory-repositories";
import { copy, emptyState, type MemoryState } from "./memory-state";

/** A repository method, such as "messages.insert", that a test can make fail. */
export type FaultPoint = {
  [R in keyof Repositories]: `${R}.${Extract<keyof Repositories[R], string>}`;
}[keyof Repositories];

/** The repository methods that change state: refused in `read`. */
const writes: ReadonlySet<string> = new Set([
  "insert",
  "insertMany",
  "rename",
  "revoke",
  "update",
  "allocateSeq",
  "allocateSeqs",
  "remove",
  "setRole",
  "upsert",
  "updateLine",
  "eraseEdits",
  "removeAll",
  "attach",
  "markDeleted",
]);

/**
 * The Store port over plain maps, with a database's guarantees: transactions run one at a
 * time (as SQLite's do) on a copy of the state that replaces it only if the work succeeds.
 */
export class InMemoryStore implements Store {
  private state: MemoryState = emptyState();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly faults = new Map<FaultPoint, Error>();

  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      const draft = copy(this.state);
      const live = { open: true };
      try {
        const result = await work(this.guard(memoryRepositories(draft), live));
        this.state = draft;
        return result;
      } finally {
        live.open = false;
      }
    };
    const result = this.queue.then(run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Reads the committed state as it is now; a write here throws, as work outside a transaction must not write. */
  async read<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    const live = { open: true };
    try {
      return await work(this.guard(memoryRepositories(this.state), live, "read"));
    } finally {
      live.open = false;
    }
  }

  /** Every repository call is as cheap as any other here: a bulk transaction is a transaction. */
  bulkTransaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.transaction(work);
  }

  /** The committed state is replaced whole on each commit, so a read of it is a snapshot already. */
  readSnapshot<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.read(work);
  }

  /** The next call of `point`, in any transaction, throws `error` instead of running. */
  failNext(point: FaultPoint, error: Error): void {
    this.faults.set(point, error);
  }

  /** A copy of everything committed so far, to compare before and after a command. */
  snapshot(): MemoryState {
    return copy(this.state);
  }

  /** Wraps each repository so faults fire and a transaction's repositories die with it. */
  private guard(
    repos: Repositories,
    live: { open: boolean },
    mode: "transaction" | "read" = "transaction",
  ): Repositories {
    const check = (point: FaultPoint) => {
      if (!live.open) throw new Error(`${point} called after its transaction ended`);
      if (mode === "read" && writes.has(point.slice(point.indexOf(".") + 1)))
        throw new Error(`${point} called outside a transaction`);
      const fault = this.faults.get(point);
      if (fault) {
        this.faults.delete(point);
        throw fault;
      }
    };
    const wrap = <R extends object>(name: keyof Repositories, repo: R): R =>
      new Proxy(repo, {
        get(target, prop, receiver) {
          const value: unknown = Reflect.get(target, prop, receiver);
          if (typeof value !== "function" || typeof prop !== "string") return value;
          return async (...args: unknown[]) => {
            // The Proxy only ever wraps repository methods, so `name.prop` is a FaultPoint.
            check(`${name}.${prop}` as FaultPoint);
            const result: unknown = await Reflect.apply(value, target, args);
            return result;
          };
        },
      });
    return {
      users: wrap("users", repos.users),
      sessions: wrap("sessions", repos.sessions),
      channels: wrap("channels", repos.channels),
      memberships: wrap("memberships", repos.memberships),
      bans: wrap("bans", repos.bans),
      invites: wrap("invites", repos.invites),
      messages: wrap("messages", repos.messages),
      reactions: wrap("reactions", repos.reactions),
      readMarkers: wrap("readMarkers", repos.readMarkers),
      settings: wrap("settings", repos.settings),
      audit: wrap("audit", repos.audit),
      ignores: wrap("ignores", repos.ignores),
      files: wrap("files", repos.files),
      webhooks: wrap("webhooks", repos.webhooks),
      webhookDeliveries: wrap("webhookDeliveries", repos.webhookDeliveries),
    };
  }
}
