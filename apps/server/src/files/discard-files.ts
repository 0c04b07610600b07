import type { Effect } from "@canaduck/domain";
import type { Logger } from "../logger";
import { fileKeys, type FileStore } from "./file-store";

/**
 * Removes the bytes of files whose lines were deleted, once the deletion has committed (the
 * row is already marked, so the file is served no more even if this fails; the failure is logged).
 */
export async function discardFiles(store: FileStore, effects: readonly Effect[], logger: Logger): Promise<void> {
  for (const effect of effects) {
    if (effect.type !== "discard-file") continue;
    const keys = fileKeys(effect.fileId);
    try {
      await store.delete(keys.original);
      await store.delete(keys.thumbnail);
    } catch (error) {
      logger.error({ err: error, fileId: effect.fileId }, "could not remove a deleted file's bytes");
    }
  }
}
