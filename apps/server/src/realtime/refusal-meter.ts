/**
 * Counts one connection's RATE_LIMITED answers. A client told to wait that keeps sending is a
 * flood, and even refusing it costs the node a parse and an answer per event: past `limit`
 * refusals within `windowMs` the connection is closed, and reconnecting is rate limited too.
 */
export class RefusalMeter {
  private count = 0;
  private windowStart = 0;

  constructor(
    private readonly limit = 1_000,
    private readonly windowMs = 10_000,
  ) {}

  /** Notes one refusal; true once the connection has had more than `limit` in the window. */
  note(now = Date.now()): boolean {
    if (now - this.windowStart > this.windowMs) {
      this.windowStart = now;
      this.count = 0;
    }
    this.count += 1;
    return this.count > this.limit;
  }
}
