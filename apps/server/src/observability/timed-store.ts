import type { Store } from "@canaduck/domain";
import type { Histogram } from "prom-client";

/** The store, with each transaction's duration recorded (successful or not). */
export const timedStore = (store: Store, histogram: Histogram): Store => ({
  async transaction(work) {
    const end = histogram.startTimer();
    try {
      return await store.transaction(work);
    } finally {
      end();
    }
  },
  // Not a transaction, so not in the transaction histogram.
  read: (work) => store.read(work),
  readSnapshot: (work) => store.readSnapshot(work),
});
