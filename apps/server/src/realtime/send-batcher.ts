import { failedWith, sendMessages, type Actor, type DomainDeps, type Outcome } from "@canaduck/domain";
import { Coalescer } from "./coalescer";

/** Most sends one transaction takes: big enough to amortize its fixed cost, small enough to stay quick. */
const MAX_BATCH = 1024;

/**
 * Group commit for `message:send` (see the domain's `sendMessages`): the node's sends wait while
 * its previous batch commits, then go together in one transaction. Each send is still
 * acknowledged only after the transaction that stored it commits, and one batch runs at a
 * time per node, so a channel's lines are announced in sequence order.
 */
export class SendBatcher {
  private readonly batches: Coalescer<{ actor: Actor; payload: unknown }, Outcome>;

  constructor(domain: DomainDeps, observe: { batch(size: number): void; failed(error: unknown): void }) {
    this.batches = new Coalescer(
      (sends) => sendMessages(domain, sends, (error) => observe.failed(error)),
      MAX_BATCH,
      (size) => observe.batch(size),
    );
  }

  submit(actor: Actor, payload: unknown): Promise<Outcome> {
    return this.batches.submit({ actor, payload }).catch(failedWith);
  }
}
