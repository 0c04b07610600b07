import type { Attachment, ClientEventName } from "@canaduck/contract";
import type { UserContext } from "../command";
import { refuse } from "../domain-error";
import type { FileRecord } from "../records";

/** What a line shows of a file. */
export const attachmentOf = (file: FileRecord): Attachment => ({
  fileId: file.id,
  name: file.name,
  size: file.size,
  type: file.type,
  ...(file.width === null ? {} : { width: file.width }),
  ...(file.height === null ? {} : { height: file.height }),
  hasThumbnail: file.hasThumbnail,
});

/**
 * The upload a send shares: the sender's own, not yet shared by another line. One refusal for
 * every other case, so a guessed id tells nothing about whose it is.
 */
export async function claimUpload<E extends ClientEventName>(ctx: UserContext<E>, fileId: string): Promise<FileRecord> {
  const file = await ctx.tx.files.findById(fileId);
  if (file === null || file.uploaderId !== ctx.user.id || file.channelId !== null || file.deletedAt !== null) {
    return refuse("NO_SUCH_FILE", "No such upload of yours waiting to be shared; upload the file again.");
  }
  return file;
}
