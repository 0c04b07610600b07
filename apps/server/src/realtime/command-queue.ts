/**
 * Runs one connection's commands one after another, in the order they arrived, so a client's
 * sends keep their order; refuses new work past `capacity` so a flood cannot queue forever.
 */
export class CommandQueue {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;

  constructor(private readonly capacity: number) {}

  /** False when the queue is full and `task` was not accepted. */
  offer(task: () => Promise<void>): boolean {
    if (this.pending >= this.capacity) return false;
    this.pending += 1;
    this.tail = this.tail.then(task).finally(() => {
      this.pending -= 1;
    });
    return true;
  }
}
