import { sendMessages, type Actor, type DomainDeps, type Outcome } from "@canaduck/domain";

interface Waiting {
  actor: Actor;
  payload: unknown;
  answer: (outcome: Outcome) => void;
}

/** Most sends one transaction takes: big enough to amortize its fixed cost, small enough to stay quick. */
const MAX_BATCH = 256;

/**
 * Group commit for `message:send`: sends wait while the node's previous batch commits, then go
 * together in one transaction (see the domain's `sendMessages`). Under light load a batch holds
 * one send and costs what it did alone; under heavy load the cost of each commit is shared by
 * hundreds. Each send is still acknowledged only after the transaction that stored it commits.
 * One batch at a time per node, so a channel's lines are announced in sequence order.
 */
export class SendBatcher {
  private waiting: Waiting[] = [];
  private busy = false;

  constructor(
    private readonly domain: DomainDeps,
    private readonly observe: { batch(size: number): void; failed(error: unknown): void },
  ) {}

  submit(actor: Actor, payload: unknown): Promise<Outcome> {
    return new Promise((answer) => {
      this.waiting.push({ actor, payload, answer });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.busy) return;
    this.busy = true;
    // After this turn's I/O: sends that arrived in the same turn share the first batch.
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    const batch = this.waiting.splice(0, MAX_BATCH);
    this.observe.batch(batch.length);
    let outcomes: Outcome[];
    try {
      outcomes = await sendMessages(this.domain, batch, (error) => this.observe.failed(error));
    } catch (error) {
      outcomes = batch.map(() => ({ ack: { ok: false, error: { code: "INTERNAL", message: "Something went wrong on the server." } }, effects: [], cause: error }));
    }
    batch.forEach((waiting, i) => waiting.answer(outcomes[i] ?? { ack: { ok: false, error: { code: "INTERNAL", message: "No answer." } }, effects: [] }));
    this.busy = false;
    if (this.waiting.length > 0) this.schedule();
  }
}
