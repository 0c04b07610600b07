import { StoreUnavailableError, type Store } from "@canaduck/domain";

export interface ClosableStore {
  store: Store;
  /** Refuses new transactions and waits (at most `timeoutMs`) for those in flight to end. */
  close: (timeoutMs: number) => Promise<void>;
}

/**
 * Lets the database close only once no transaction holds a connection. Disconnect handlers
 * still run transactions while the server shuts down; Prisma forgets an open transaction on
 * $disconnect without giving its pooled connection back, and the pool then never ends.
 */
export function closableStore(inner: Store): ClosableStore {
  const inFlight = new Set<Promise<unknown>>();
  let closed = false;
  const tracked = <T>(start: () => Promise<T>): Promise<T> => {
    if (closed) return Promise.reject(new StoreUnavailableError("The database is closing."));
    const running = start();
    const settled: Promise<void> = running.then(
      () => void inFlight.delete(settled),
      () => void inFlight.delete(settled),
    );
    inFlight.add(settled);
    return running;
  };
  return {
    store: {
      transaction: (work) => tracked(() => inner.transaction(work)),
      // A read holds a pooled connection while it runs, just as a transaction does.
      read: (work) => tracked(() => inner.read(work)),
      readSnapshot: (work) => tracked(() => inner.readSnapshot(work)),
      bulkTransaction: (work) => tracked(() => inner.bulkTransaction(work)),
    },
    close: async (timeoutMs) => {
      closed = true;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
      await Promise.race([Promise.all(inFlight), timeout]);
      clearTimeout(timer);
    },
  };
}
