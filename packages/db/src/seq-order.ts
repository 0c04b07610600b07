/** Longest a transaction waits for an earlier one to hand back its result: a guard, never reached in practice. */
const TURN_TIMEOUT_MS = 5_000;

/** One transaction attempt's place in its channels' sequence order. */
export interface OrderedAttempt {
  /** Called when the attempt takes a sequence number in `channelId`. */
  took: (channelId: string) => void;
  /** Resolves once every earlier taker in the same channels has handed back its result. */
  turn: () => Promise<void>;
  /** The attempt committed and handed back its result, or failed: later takers may go. */
  done: () => void;
}

/**
 * Announces a channel's lines in sequence order although PostgreSQL runs transactions side by
 * side. A transaction gets seq N only once the holder of N-1 has committed (the channel row
 * stays locked until then), but the two commits are acknowledged on different connections, in
 * either order. So per channel a transaction hands back its result only after every earlier
 * taker in this process has handed back its own and that one's effects, run in the microtasks
 * that follow, have been emitted. Across nodes clients still fetch any gap they notice.
 */
export class SeqOrder {
  private readonly tails = new Map<string, Promise<void>>();

  attempt(): OrderedAttempt {
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const earlier: Promise<void>[] = [];
    const channels = new Set<string>();
    return {
      took: (channelId) => {
        if (channels.has(channelId)) return;
        channels.add(channelId);
        earlier.push(this.tails.get(channelId) ?? Promise.resolve());
        this.tails.set(channelId, released);
        void released.then(() => {
          if (this.tails.get(channelId) === released) this.tails.delete(channelId);
        });
      },
      turn: async () => {
        if (earlier.length === 0) return;
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.all(earlier),
          new Promise<void>((resolve) => (timer = setTimeout(resolve, TURN_TIMEOUT_MS))),
        ]);
        clearTimeout(timer);
      },
      // After the microtasks already queued: the caller's effects go out before a later taker's.
      done: () => void setImmediate(release),
    };
  }
}
