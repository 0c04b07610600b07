/**
 * Runs one connection's commands one after another, in the order they arrived, so a client's
 * sends keep their order; refuses new work past `capacity` so a flood cannot queue forever.
 * A task that fails is handed to `failed` and the queue goes on: one bad command must not
 * wedge the connection, nor reach the process as an unhandled rejection.
 */
export class CommandQueue {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;

  constructor(
    private readonly capacity: number,
    private readonly failed: (error: unknown) => void,
  ) {}

  /** False when the queue is full and `task` was not accepted. */
  offer(task: () => Promise<void>): boolean {
    if (this.pending >= this.capacity) return false;
    this.pending += 1;
    this.tail = this.tail
      .then(task)
      .catch((error: unknown) => this.failed(error))
      .finally(() => {
        this.pending -= 1;
      });
    return true;
  }
}
