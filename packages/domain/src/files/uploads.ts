import type { UserActor } from "../actor";
import { refuse } from "../domain-error";
import type { DomainDeps } from "../ports";
import type { FileRecord } from "../records";

/** How far back the upload quota looks. */
export const QUOTA_WINDOW_MS = 24 * 3600 * 1000;

/** What a user may upload over QUOTA_WINDOW_MS, in bytes. */
export interface UploadQuota {
  bytes: number;
}

/** Bytes the user may still upload now: checked before a body is read, so a refused upload costs nothing. */
export async function uploadAllowance(deps: DomainDeps, actor: UserActor, quota: UploadQuota): Promise<number> {
  const since = new Date(deps.clock.now().getTime() - QUOTA_WINDOW_MS);
  const used = await deps.store.read((tx) => tx.files.bytesSince(actor.userId, since));
  return Math.max(0, quota.bytes - used);
}

export type UploadDescription = Pick<FileRecord, "id" | "name" | "size" | "type" | "width" | "height" | "hasThumbnail">;

const refuseQuota = (quota: UploadQuota): never =>
  refuse(
    "UPLOAD_QUOTA_EXCEEDED",
    `That would take you over your upload quota of ${quota.bytes} bytes in 24 hours; try again later.`,
  );

/**
 * Records an upload whose bytes are stored, waiting for the line that shares it. The quota is
 * checked again in the insert's transaction, so two uploads at once cannot both slip under it.
 */
export async function recordUpload(
  deps: DomainDeps,
  actor: UserActor,
  file: UploadDescription,
  quota: UploadQuota,
): Promise<FileRecord> {
  return deps.store.transaction(async (tx) => {
    const now = deps.clock.now();
    const used = await tx.files.bytesSince(actor.userId, new Date(now.getTime() - QUOTA_WINDOW_MS));
    if (used + file.size > quota.bytes) refuseQuota(quota);
    const record: FileRecord = {
      ...file,
      uploaderId: actor.userId,
      channelId: null,
      seq: null,
      createdAt: now,
      deletedAt: null,
    };
    await tx.files.insert(record);
    return record;
  });
}

/** The refusal for an upload that is over the quota before it is read. */
export const quotaRefusal = refuseQuota;

/** An upload whose line was refused: served never, its bytes to be removed by the caller. */
export async function abandonUpload(deps: DomainDeps, fileId: string): Promise<void> {
  await deps.store.transaction((tx) => tx.files.markDeleted(fileId, deps.clock.now()));
}

/**
 * The file as its viewer may fetch it: shared by a line of a conversation they are a member of
 * (checked on every request, so leaving or being kicked stops it). Admins get no more than for
 * the conversation's history (docs/security.md). Anything else is NO_SUCH_FILE, which says
 * nothing about whether the file exists.
 */
export async function fileForViewer(deps: DomainDeps, actor: UserActor, fileId: string): Promise<FileRecord> {
  return deps.store.read(async (tx) => {
    const file = await tx.files.findById(fileId);
    const member =
      file?.channelId != null && file.deletedAt === null
        ? await tx.memberships.find(file.channelId, actor.userId)
        : null;
    if (file === null || member === null)
      return refuse("NO_SUCH_FILE", "No such file, or it is not in a conversation of yours.");
    return file;
  });
}
