import type { LinkPreview, Message } from "@canaduck/contract";
import { attachPreview, previewWanted, type DomainDeps, type Effect } from "@canaduck/domain";
import type { PreviewConfig } from "../config";
import { fileKeys, type FileStore } from "../files/file-store";
import type { Logger } from "../logger";
import { fetchForPreview, type FetchLimits } from "./fetch-page";
import { parsePage } from "./parse-page";
import { PreviewCache } from "./preview-cache";
import { previewThumbnail, type Thumbnail } from "./preview-image";

/** Fetches in flight at once on this node; more wait in a queue of QUEUE_MAX, beyond which they are dropped. */
const CONCURRENT_FETCHES = 4;
const QUEUE_MAX = 200;
/** Bytes of an og:image read; a larger image leaves the preview without one. */
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const CACHE_ENTRIES = 1_000;
const CACHE_TTL_MS = 60 * 60 * 1000;

/** What a link's page gave: the text of its preview and its image's thumbnail. */
export interface Found {
  preview: Omit<LinkPreview, "image">;
  thumbnail: Thumbnail | null;
}

interface Job {
  channelId: string;
  seq: number;
  url: string;
}

/**
 * Link previews, off the send path: a committed line is looked at after its command answered
 * (`observe`, which never waits), its first link fetched here — through the same address policy
 * as webhooks, with a timeout, a size cap and checked redirects — and the preview written as a
 * change entry of the line, whose effects go out like any command's. The node that committed the
 * line fetches its preview, so on a cluster it is fetched once.
 */
export class LinkPreviews {
  private readonly cache = new PreviewCache<Found>(CACHE_ENTRIES, CACHE_TTL_MS);
  /** One fetch per URL at a time: the same link sent twice at once is fetched once. */
  private readonly inFlight = new Map<string, Promise<Found | null>>();
  private readonly queue: Job[] = [];
  private running = 0;
  private closed = false;
  /** Fetches made (not answered from the cache), for tests and metrics. */
  fetches = 0;

  constructor(
    private readonly deps: {
      domain: DomainDeps;
      config: PreviewConfig;
      fileStore: FileStore;
      logger: Logger;
      /** Carries out the effects of a written preview (to the channel's members). */
      apply: (effects: readonly Effect[]) => Promise<void>;
    },
  ) {}

  /** Looks at a committed command's effects for new lines with a link; never throws, never waits. */
  observe(effects: readonly Effect[]): void {
    if (this.closed || !this.deps.config.enabled) return;
    for (const effect of effects)
      if (effect.type === "emit" && effect.event === "message:new" && "channel" in effect.to)
        this.lineCommitted(effect.payload).catch((error: unknown) =>
          this.deps.logger.warn({ err: error }, "could not look at a line for its link preview"),
        );
  }

  close(): void {
    this.closed = true;
    this.queue.length = 0;
  }

  private async lineCommitted(line: Message): Promise<void> {
    const url = await previewWanted(this.deps.domain, line);
    if (url === null || this.closed) return;
    if (this.queue.length >= QUEUE_MAX) {
      this.deps.logger.warn({ url }, "too many link previews waiting; this one is skipped");
      return;
    }
    this.queue.push({ channelId: line.channelId, seq: line.seq, url });
    this.pump();
  }

  private pump(): void {
    while (!this.closed && this.running < CONCURRENT_FETCHES) {
      const job = this.queue.shift();
      if (job === undefined) return;
      this.running += 1;
      this.run(job)
        .catch((error: unknown) => this.deps.logger.warn({ err: error, url: job.url }, "a link preview failed"))
        .finally(() => {
          this.running -= 1;
          this.pump();
        });
    }
  }

  private async run(job: Job): Promise<void> {
    const found = await this.find(job.url);
    if (found === null || this.closed) return;
    const image = found.thumbnail ? await this.storeImage(found.thumbnail) : undefined;
    const { written, effects } = await attachPreview(this.deps.domain, job, found.preview, image);
    if (!written) {
      if (image) await this.deps.fileStore.delete(fileKeys(image.fileId).original);
      return;
    }
    await this.deps.apply(effects);
  }

  private async storeImage(thumbnail: Thumbnail) {
    const fileId = this.deps.domain.ids.newId();
    await this.deps.fileStore.put(fileKeys(fileId).original, thumbnail.bytes);
    return { fileId, size: thumbnail.bytes.length, width: thumbnail.width, height: thumbnail.height };
  }

  /** The page's preview, from the cache or fetched; null when there is none to show. */
  find(url: string): Promise<Found | null> {
    const cached = this.cache.get(url);
    if (cached !== undefined) return Promise.resolve(cached);
    const pending = this.inFlight.get(url);
    if (pending) return pending;
    const fetching = this.fetchPreview(url)
      .catch((error: unknown) => {
        this.deps.logger.debug({ err: error, url }, "no link preview");
        return null;
      })
      .then((found) => {
        this.cache.set(url, found);
        return found;
      })
      .finally(() => this.inFlight.delete(url));
    this.inFlight.set(url, fetching);
    return fetching;
  }

  private async fetchPreview(url: string): Promise<Found | null> {
    this.fetches += 1;
    const { allowedHosts, timeoutMs, maxHtmlBytes } = this.deps.config;
    const limits = (maxBytes: number, accept: string[]): FetchLimits => ({
      policy: { allowedHosts },
      timeoutMs,
      maxBytes,
      accept,
    });
    const page = await fetchForPreview(url, limits(maxHtmlBytes, ["text/html", "application/xhtml+xml"]));
    if (!page.ok) {
      this.deps.logger.debug({ url, error: page.error }, "no link preview");
      return null;
    }
    const summary = parsePage(page.body.toString("utf8"), page.url);
    if (summary.title === "") return null;
    let thumbnail: Thumbnail | null = null;
    if (summary.image !== null) {
      const image = await fetchForPreview(summary.image, limits(MAX_IMAGE_BYTES, ["image/"]));
      // A truncated image is not an image; the preview goes without one.
      if (image.ok && !image.truncated) thumbnail = await previewThumbnail(image.body);
    }
    return {
      preview: {
        url,
        title: summary.title,
        ...(summary.description === "" ? {} : { description: summary.description }),
        ...(summary.siteName === "" ? {} : { siteName: summary.siteName }),
      },
      thumbnail,
    };
  }
}
