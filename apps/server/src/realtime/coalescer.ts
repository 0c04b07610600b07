interface Waiting<In, Out> {
  item: In;
  resolve: (out: Out) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit, for any work that costs less done together: items submitted while the previous
 * batch runs wait, then run together in the next (at most `maxBatch`). Under light load a
 * batch holds one item and costs what it did alone; under heavy load one batch's fixed cost is
 * shared by hundreds. One batch at a time, in submission order, so answers keep that order.
 */
export class Coalescer<In, Out> {
  private waiting: Array<Waiting<In, Out>> = [];
  private busy = false;

  constructor(
    /** Answers each item, in order; throwing rejects every item of the batch. */
    private readonly run: (items: In[]) => Promise<Out[]>,
    private readonly maxBatch: number,
    private readonly onBatch: (size: number) => void = () => undefined,
  ) {}

  submit(item: In): Promise<Out> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.busy) return;
    this.busy = true;
    // After this turn's I/O: items that arrived in the same turn share the first batch.
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    const batch = this.waiting.splice(0, this.maxBatch);
    this.onBatch(batch.length);
    try {
      const answers = await this.run(batch.map((w) => w.item));
      batch.forEach((w, i) =>
        i < answers.length ? w.resolve(answers[i] as Out) : w.reject(new Error("a batch left an item unanswered")),
      );
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
    this.busy = false;
    if (this.waiting.length > 0) this.schedule();
  }
}
