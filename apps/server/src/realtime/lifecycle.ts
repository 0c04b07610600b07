/**
 * Tracks commands in flight so a shutdown can stop taking new ones, let the running ones
 * commit and answer, and only then close connections and the database.
 */
export class Lifecycle {
  private inFlight = 0;
  private draining = false;
  private idle: (() => void) | undefined;

  get closing(): boolean {
    return this.draining;
  }

  /** Runs a command, counted; callers check `closing` first and refuse new work when set. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight += 1;
    try {
      return await work();
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.idle?.();
    }
  }

  /** Refuses new commands from now on and resolves when the running ones are done (or after `timeoutMs`). */
  drain(timeoutMs: number): Promise<void> {
    this.draining = true;
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.idle = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
