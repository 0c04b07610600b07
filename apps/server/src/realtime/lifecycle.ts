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

/**
 * After telling clients to reconnect, how long a stopping node keeps their connections open,
 * answering UNAVAILABLE: sends already on the wire when the notice went out arrive meanwhile,
 * and closing at once left them with no answer until their ack timeout.
 */
export const GOODBYE_MS = 1_000;

/** Resolves once every connection of `sockets` has closed, or after `timeoutMs`. */
export function goodbyes(sockets: { readonly size: number }, timeoutMs = GOODBYE_MS): Promise<void> {
  return new Promise((resolve) => {
    const deadline = Date.now() + timeoutMs;
    const check = () => {
      if (sockets.size === 0 || Date.now() >= deadline) return resolve();
      setTimeout(check, 20);
    };
    check();
  });
}
