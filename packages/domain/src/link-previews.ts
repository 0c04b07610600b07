import { firstLink, isSaid, limits, type LinkPreview, type Message } from "@canaduck/contract";
import { EffectList, type Effect } from "./effects";
import type { DomainDeps } from "./ports";
import { settingsOf } from "./support/settings";
import { writeChange } from "./support/log-lines";

/**
 * Link previews, which the server adds to a line after it was sent: a fetch must never delay a
 * line or its ack, so the server looks at committed lines (`previewWanted`), fetches off the
 * send path, and writes what it found as a "preview" change entry (`attachPreview`) that every
 * client applies as it applies an edit, and that history pages carry in the line's meta.
 */

/** The link to preview on a just-committed line, or null: none, off for the author or the channel. */
export async function previewWanted(deps: DomainDeps, line: Message): Promise<string | null> {
  if (!isSaid(line) || line.author === null || line.meta.preview !== undefined) return null;
  const url = firstLink(line.text);
  if (url === null) return null;
  const authorId = line.author.id;
  return deps.store.read(async (tx) => {
    const channel = await tx.channels.findById(line.channelId);
    if (channel === null || channel.previewsOff) return null;
    return (await settingsOf(tx, authorId)).linkPreviews ? url : null;
  });
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/** A preview's text cut to the contract's lengths; an empty description is none. */
export function boundedPreview(preview: LinkPreview): LinkPreview {
  const description = clip(preview.description ?? "", limits.previewDescriptionMaxLength);
  const siteName = clip(preview.siteName ?? "", limits.previewTitleMaxLength);
  return {
    url: preview.url,
    title: clip(preview.title, limits.previewTitleMaxLength),
    ...(description === "" ? {} : { description }),
    ...(siteName === "" ? {} : { siteName }),
    ...(preview.image ? { image: preview.image } : {}),
  };
}

/**
 * Writes `preview` onto line `seq` of the conversation, in one transaction, if the line still
 * wants it: not deleted, its first link still `url` (an edit may have changed it), no preview
 * yet, and previews not turned off since. Returns the effects to carry out (none when it was
 * not written) and whether it was.
 */
export async function attachPreview(
  deps: DomainDeps,
  target: { channelId: string; seq: number; url: string },
  preview: Omit<LinkPreview, "image">,
  /** A thumbnail whose bytes the server stored under `fileId`: recorded as a file of the line. */
  image?: { fileId: string; size: number; width: number; height: number },
): Promise<{ written: boolean; effects: Effect[] }> {
  const out = new EffectList();
  const written = await deps.store.transaction(async (tx) => {
    out.reset();
    const channel = await tx.channels.findById(target.channelId);
    if (channel === null || channel.previewsOff) return false;
    // Locks the conversation's sequence row, as every change does (see requireLine).
    await tx.channels.allocateSeqs(channel.id, 0);
    const [line] = await tx.messages.findBySeqs([channel.id], [target.seq]);
    if (line === undefined || !isSaid(line) || line.deletedAt !== null || line.meta.preview !== undefined) return false;
    if (firstLink(line.text) !== target.url) return false;
    // A file needs its uploader: the line's author (previews are only wanted for authored lines).
    const kept = line.authorId === null ? undefined : image;
    const bounded = boundedPreview(
      kept ? { ...preview, image: { fileId: kept.fileId, width: kept.width, height: kept.height } } : preview,
    );
    if (kept && line.authorId !== null) {
      // Served as the line's files are: to members of its conversation (fileForViewer).
      await tx.files.insert({
        id: kept.fileId,
        uploaderId: line.authorId,
        channelId: channel.id,
        seq: line.seq,
        name: "preview.webp",
        size: kept.size,
        type: "image/webp",
        width: kept.width,
        height: kept.height,
        hasThumbnail: false,
        createdAt: deps.clock.now(),
        deletedAt: null,
      });
    }
    const ctx = { deps, tx, now: deps.clock.now(), out };
    await writeChange(
      ctx,
      null,
      channel,
      line,
      { kind: "preview", preview: bounded },
      {
        meta: { ...line.meta, preview: bounded },
      },
    );
    return true;
  });
  return { written, effects: written ? out.items : [] };
}
