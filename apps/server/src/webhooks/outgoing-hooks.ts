import type { ChannelRecord, Store, WebhookRecord } from "@canaduck/domain";

/** A channel with outgoing hooks, as its deliveries name it. */
export interface HookedChannel {
  channel: Pick<ChannelRecord, "id" | "name">;
  hooks: WebhookRecord[];
}

/**
 * How long a node trusts the outgoing webhooks it read before reading them again. A hook added
 * or removed through this node is seen at once (its command's `webhooks-changed` effect); one
 * added through another node of a cluster is seen within this time.
 */
export const OUTGOING_HOOKS_REFRESH_MS = 1_000;

/**
 * Every channel's outgoing webhooks, held in memory. Each new line of every channel asks which
 * hooks it goes to, and almost always the answer is none: asking the database each time was a
 * read transaction per line, which cut persisted throughput to a sixth. So the node reads every
 * outgoing hook in one statement, at most once per refresh period, and again after a change.
 */
export class OutgoingHooks {
  private byChannel = new Map<string, HookedChannel>();
  private loadedAt = Number.NEGATIVE_INFINITY;
  /** Bumped by each change, so a read begun before a change never counts as fresh after it. */
  private generation = 0;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  /** The channel and its outgoing hooks, oldest first; null for a channel without any (most). */
  async of(channelId: string): Promise<HookedChannel | null> {
    // Twice at most: a change during the first read makes it stale at once, and this line must see it.
    for (let reads = 0; reads < 2 && this.stale(); reads++) await (this.loading ??= this.load());
    return this.byChannel.get(channelId) ?? null;
  }

  private stale(): boolean {
    return this.now() - this.loadedAt >= OUTGOING_HOOKS_REFRESH_MS;
  }

  /** A hook was added or removed: the next line reads them again. */
  changed(): void {
    this.generation += 1;
    this.loadedAt = Number.NEGATIVE_INFINITY;
  }

  private async load(): Promise<void> {
    const generation = this.generation;
    try {
      this.byChannel = await this.store.read(async (tx) => {
        const byChannel = new Map<string, HookedChannel>();
        for (const hook of await tx.webhooks.listOutgoing()) {
          const held = byChannel.get(hook.channelId);
          if (held) held.hooks.push(hook);
          else {
            const channel = await tx.channels.findById(hook.channelId);
            if (channel)
              byChannel.set(hook.channelId, { channel: { id: channel.id, name: channel.name }, hooks: [hook] });
          }
        }
        return byChannel;
      });
      if (generation === this.generation) this.loadedAt = this.now();
    } finally {
      this.loading = null;
    }
  }
}
