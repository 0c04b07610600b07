import type { Store } from "@canaduck/domain";
import type { Histogram } from "prom-client";

/** The store, with each write transaction's duration recorded (successful or not). */
export function timedStore(store: Store, histogram: Histogram): Store {
  const timed = async <T>(run: () => Promise<T>): Promise<T> => {
    const end = histogram.startTimer();
    try {
      return await run();
    } finally {
      end();
    }
  };
  return {
    transaction: (work) => timed(() => store.transaction(work)),
    bulkTransaction: (work) => timed(() => store.bulkTransaction(work)),
    // Not write transactions, so not in the transaction histogram.
    read: (work) => store.read(work),
    readSnapshot: (work) => store.readSnapshot(work),
  };
}
