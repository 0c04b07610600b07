/**
 * URL → what was found there, for a while: a link pasted in many channels (or many times) is
 * fetched once per TTL. Bounded: beyond `capacity` the least recently used entry goes. A failure
 * is kept too (as null), so a dead or refused link is not fetched again at every mention.
 */
export class PreviewCache<T> {
  private readonly entries = new Map<string, { value: T | null; expiresAt: number }>();

  constructor(
    private readonly capacity: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The kept value (null for a kept failure), or undefined when nothing fresh is kept. */
  get(url: string): T | null | undefined {
    const entry = this.entries.get(url);
    if (entry === undefined) return undefined;
    this.entries.delete(url);
    if (entry.expiresAt <= this.now()) return undefined;
    this.entries.set(url, entry);
    return entry.value;
  }

  set(url: string, value: T | null): void {
    this.entries.delete(url);
    this.entries.set(url, { value, expiresAt: this.now() + this.ttlMs });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
