/** The little of CanaDuck's public HTTP API the bot uses, over plain fetch. */

/** One Server-Sent Events message of GET /api/v1/events. */
export interface StreamEvent {
  event: string;
  data: unknown;
  /** The stream's position after this message: send it back as Last-Event-ID to resume. */
  id: string | undefined;
}

/** A refusal from the API: its HTTP status and the protocol's error code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${status} ${code}: ${message}`);
  }
}

async function refusal(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as { code?: string; detail?: string };
  return new ApiError(response.status, body.code ?? "UNKNOWN", body.detail ?? response.statusText);
}

/** `#dev` as a path segment: the API takes a channel's name without its `#`. */
const channelPath = (channel: string) => encodeURIComponent(channel.replace(/^#/, ""));

export class CanaDuckApi {
  constructor(private readonly baseUrl: string) {}

  private async call(method: string, path: string, token: string | null, body?: unknown, headers = {}) {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw await refusal(response);
    return (await response.json()) as unknown;
  }

  /** POST /sessions: the bearer token of the account. */
  async login(name: string, password: string): Promise<string> {
    const grant = (await this.call("POST", "/sessions", null, { name, password })) as { token: string };
    return grant.token;
  }

  /** PUT /channels/{channel}/membership: joins (a no-op error when already in it is answered 409). */
  async join(token: string, channel: string): Promise<void> {
    try {
      await this.call("PUT", `/channels/${channelPath(channel)}/membership`, token);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === "ALREADY_A_MEMBER")) throw error;
    }
  }

  /** POST /channels/{channel}/messages; the same key again answers the line first posted. */
  async say(token: string, channel: string, text: string, idempotencyKey: string): Promise<void> {
    await this.call(
      "POST",
      `/channels/${channelPath(channel)}/messages`,
      token,
      { text },
      {
        "idempotency-key": idempotencyKey,
      },
    );
  }

  /** GET /events, message by message, until the server ends the stream or `signal` aborts it. */
  async *events(token: string, lastEventId: string | undefined, signal?: AbortSignal): AsyncGenerator<StreamEvent> {
    const response = await fetch(`${this.baseUrl}/api/v1/events`, {
      headers: {
        authorization: `Bearer ${token}`,
        accept: "text/event-stream",
        ...(lastEventId === undefined ? {} : { "last-event-id": lastEventId }),
      },
      signal,
    });
    if (!response.ok || !response.body) throw await refusal(response);
    const decoder = new TextDecoder();
    let buffer = "";
    let id = lastEventId;
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = "message";
        const data: string[] = [];
        for (const line of block.split("\n")) {
          if (line.startsWith("id: ")) id = line.slice(4);
          else if (line.startsWith("event: ")) event = line.slice(7);
          else if (line.startsWith("data: ")) data.push(line.slice(6));
        }
        // A comment (the heartbeat) carries no data.
        if (data.length > 0) yield { event, data: JSON.parse(data.join("\n")) as unknown, id };
      }
    }
  }
}
