import type { Prisma } from "@prisma/client";

/** Bytes of one row of FileChunk: small enough for any driver's parameter, large enough to be few rows. */
export const CHUNK_BYTES = 256 * 1024;

/**
 * Stored objects as rows of FileChunk (key, index, bytes), on SQLite or PostgreSQL alike: what
 * FILE_STORAGE=database keeps files in, so every node sharing the database serves every file.
 */
export interface ChunkTable {
  /** Writes the object in rows of CHUNK_BYTES, replacing any of that key, in one transaction. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The object's rows in order, one read each, or null when there is none. */
  chunks(key: string): Promise<AsyncIterable<Uint8Array> | null>;
  delete(key: string): Promise<void>;
}

type ChunkClient = Pick<Prisma.TransactionClient, "fileChunk"> & {
  $transaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T>;
};

export function chunkTable(prisma: ChunkClient): ChunkTable {
  return {
    async put(key, bytes) {
      await prisma.$transaction(async (tx) => {
        await tx.fileChunk.deleteMany({ where: { key } });
        for (let index = 0; index * CHUNK_BYTES < bytes.length || index === 0; index++) {
          const data = bytes.subarray(index * CHUNK_BYTES, (index + 1) * CHUNK_BYTES);
          await tx.fileChunk.create({ data: { key, index, data: new Uint8Array(data) } });
        }
      });
    },
    async chunks(key) {
      const count = await prisma.fileChunk.count({ where: { key } });
      if (count === 0) return null;
      return (async function* () {
        for (let index = 0; index < count; index++) {
          const row = await prisma.fileChunk.findUnique({
            where: { key_index: { key, index } },
            select: { data: true },
          });
          if (row === null) return;
          yield row.data;
        }
      })();
    },
    async delete(key) {
      await prisma.fileChunk.deleteMany({ where: { key } });
    },
  };
}
