import { StoreUnavailableError, type Store } from "@canaduck/domain";

/** How long the command line waits for a busy database before giving up. */
const PATIENCE_MS = 15_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The command line shares the database with a running server. On SQLite only one process
 * writes at a time and libSQL does not wait for the lock, so a command run while the server is
 * busy would fail at once with UNAVAILABLE; a person at a terminal would rather it waited a
 * moment. Each unit of work is all or nothing, so running it again after such a refusal is safe.
 */
export function patientStore(store: Store, patienceMs = PATIENCE_MS): Store {
  const retry = async <T>(attempt: () => Promise<T>): Promise<T> => {
    const deadline = Date.now() + patienceMs;
    for (let wait = 25; ; wait = Math.min(wait * 2, 500)) {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof StoreUnavailableError) || Date.now() + wait > deadline) throw error;
        await sleep(wait);
      }
    }
  };
  return {
    transaction: (work) => retry(() => store.transaction(work)),
    read: (work) => retry(() => store.read(work)),
    readSnapshot: (work) => retry(() => store.readSnapshot(work)),
    bulkTransaction: (work) => retry(() => store.bulkTransaction(work)),
  };
}
