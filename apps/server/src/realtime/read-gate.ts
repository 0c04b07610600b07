/**
 * At most `width` reads of the node in the database at once; the others wait here, in order.
 * Reads queued in the store wait ahead of every write behind them: a flood of lists or pages
 * made a line's send wait behind a hundred of them. Here a send waits behind `width` at most.
 */
export class ReadGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly width = 2) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.width) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
