import { ApiError, type CanaDuckApi, type StreamEvent } from "./canaduck-api";
import type { BotConfig } from "./config";
import { describeRoll, parseRoll, roll } from "./dice";

interface Entry {
  channelId: string;
  seq: number;
  kind: string;
  text: string;
  author: { id: string; name: string } | null;
}
interface ChannelView {
  id: string;
  name: string;
  kind: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Answers `!roll` lines in its channels. It reads the event stream and, when the stream breaks
 * (a restart, a network blip), reconnects with the last id it got, so a roll asked while it was
 * away is still answered, once: the answer's Idempotency-Key is the asking line's own position.
 */
export class DiceBot {
  private token = "";
  private lastEventId: string | undefined;
  private readonly channels = new Map<string, string>();
  /** Its own account, from the stream's first message: it never answers itself. */
  private selfId = "";

  constructor(
    private readonly api: CanaDuckApi,
    private readonly config: BotConfig,
    private readonly log: (line: string) => void = console.log,
  ) {}

  async run(signal: AbortSignal): Promise<void> {
    let backoff = 250;
    while (!signal.aborted) {
      try {
        if (this.token === "") {
          const { credentials } = this.config;
          this.token =
            "token" in credentials ? credentials.token : await this.api.login(credentials.name, credentials.password);
          for (const channel of this.config.channels) await this.api.join(this.token, channel);
        }
        for await (const message of this.api.events(this.token, this.lastEventId, signal)) {
          backoff = 250;
          await this.handle(message);
          this.lastEventId = message.id;
        }
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) {
          // A bot's token that stopped working (revoked, expired) cannot be replaced: its owner makes a new one.
          if ("token" in this.config.credentials) {
            this.log(`the token was refused (${error.message}); stopping`);
            return;
          }
          // A login's token that stopped working (logout, expiry) is replaced by logging in again.
          this.token = "";
        }
        this.log(`stream interrupted (${error instanceof Error ? error.message : String(error)}); reconnecting`);
      }
      await sleep(backoff);
      backoff = Math.min(backoff * 2, 10_000);
    }
  }

  private async handle({ event, data }: StreamEvent): Promise<void> {
    if (event === "stream:ready") {
      const ready = data as { user: { id: string }; channels: ChannelView[] };
      this.selfId = ready.user.id;
      for (const channel of ready.channels) if (channel.kind === "channel") this.channels.set(channel.id, channel.name);
      this.log(`dice-bot listening in ${[...this.channels.values()].join(", ")}`);
    } else if (event === "channel:joined") {
      const { channel } = data as { channel: ChannelView };
      if (channel.kind === "channel") this.channels.set(channel.id, channel.name);
    } else if (event === "message:new") {
      try {
        await this.answer(data as Entry);
      } catch (error) {
        // A refused answer (not a lost token or a busy server, which are retried) is skipped, not retried forever.
        if (!(error instanceof ApiError) || [401, 429].includes(error.status) || error.status >= 500) throw error;
        this.log(`could not answer: ${error.message}`);
      }
    }
  }

  private async answer(entry: Entry): Promise<void> {
    const channel = this.channels.get(entry.channelId);
    if (channel === undefined || entry.kind !== "text" || entry.author === null) return;
    if (entry.author.id === this.selfId) return;
    const asked = parseRoll(entry.text);
    if (asked.kind === "none") return;
    const reply =
      asked.kind === "help"
        ? `${entry.author.name}: ${asked.reply}`
        : describeRoll(entry.author.name, asked.roll, roll(asked.roll));
    await this.api.say(this.token, channel, reply, `roll-${entry.channelId}-${entry.seq}`);
  }
}
