import type { Readable } from "node:stream";

/**
 * Where file bytes live, behind three calls so a deployment can choose: a directory for one
 * node (disk-file-store.ts), the database for several (database-file-store.ts). An S3-compatible
 * store would be a third implementation of the same port (README, Files).
 */
export interface FileStore {
  /** Stores the object under `key`, replacing any. Resolves once it is durable. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The object's bytes as a stream, or null when there is none. */
  get(key: string): Promise<Readable | null>;
  /** Removes the object; one that is not there is no error. */
  delete(key: string): Promise<void>;
}

/** The keys of a file's objects: its bytes, and an image's thumbnail. */
export const fileKeys = (fileId: string) => ({ original: fileId, thumbnail: `${fileId}.thumb` });
