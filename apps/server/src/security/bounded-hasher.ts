import { availableParallelism } from "node:os";
import type { PasswordHasher } from "@canaduck/domain";

/**
 * At most `concurrency` hashes at once, the rest waiting their turn. argon2 runs off the event
 * loop, but each hash keeps a core busy: a burst of logins on all cores would starve the thread
 * that carries everyone's chat. Leaving one core to it keeps chat moving; only logins wait.
 */
export function boundedHasher(
  inner: PasswordHasher,
  concurrency = Math.max(1, availableParallelism() - 1),
): PasswordHasher {
  let running = 0;
  const waiting: Array<() => void> = [];
  const run = async <T>(work: () => Promise<T>): Promise<T> => {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
  return {
    hash: (password) => run(() => inner.hash(password)),
    verify: (hash, password) => run(() => inner.verify(hash, password)),
  };
}
