/** One Server-Sent Events message as a consumer reads it. */
export interface SseMessage {
  event: string;
  data: unknown;
  /** The last `id:` the stream gave, at this message (an SSE id holds until the next one). */
  id: string | undefined;
}

/** A real SSE consumer over fetch: parses the stream as EventSource does, keeping the last id. */
export class SseConsumer {
  readonly messages: SseMessage[] = [];
  comments = 0;
  ended = false;
  lastId: string | undefined;
  private readonly abort = new AbortController();
  private waiters: Array<() => void> = [];

  private constructor(readonly status: number) {}

  static async open(
    baseUrl: string,
    token: string | undefined,
    lastEventId?: string,
  ): Promise<{ consumer: SseConsumer; response: Response }> {
    const headers: Record<string, string> = { accept: "text/event-stream" };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    if (lastEventId !== undefined) headers["last-event-id"] = lastEventId;
    const consumer = new SseConsumer(0);
    const response = await fetch(`${baseUrl}/api/v1/events`, { headers, signal: consumer.abort.signal });
    Object.assign(consumer, { status: response.status });
    consumer.lastId = lastEventId;
    if (response.ok && response.body) void consumer.read(response.body);
    return { consumer, response };
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          this.take(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
        this.wake();
      }
    } catch {
      // Aborted by close(), or cut by the server.
    }
    this.ended = true;
    this.wake();
  }

  private take(block: string): void {
    let event = "message";
    const data: string[] = [];
    let comment = false;
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) comment = true;
      else if (line.startsWith("id: ")) this.lastId = line.slice(4);
      else if (line.startsWith("event: ")) event = line.slice(7);
      else if (line.startsWith("data: ")) data.push(line.slice(6));
    }
    if (data.length === 0) {
      if (comment) this.comments += 1;
      return;
    }
    this.messages.push({ event, data: JSON.parse(data.join("\n")), id: this.lastId });
  }

  private wake() {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Resolves once `ready` holds, checking after everything the stream brings. */
  async until(ready: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!ready()) {
      if (Date.now() > deadline)
        throw new Error(`timed out; saw ${this.messages.map((m) => m.event).join(", ")} (ended: ${this.ended})`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /** The texts of the `message:new` entries received, in order. */
  lines(): string[] {
    return this.messages.filter((m) => m.event === "message:new").map((m) => (m.data as { text: string }).text);
  }

  seqs(): number[] {
    return this.messages.filter((m) => m.event === "message:new").map((m) => (m.data as { seq: number }).seq);
  }

  close(): void {
    this.abort.abort();
  }
}
