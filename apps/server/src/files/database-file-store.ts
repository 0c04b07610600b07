import { Readable } from "node:stream";
import type { ChunkTable } from "@canaduck/db";
import type { FileStore } from "./file-store";

/** Objects as rows of the database's FileChunk table: every node sharing the database serves every file. */
export function databaseFileStore(chunks: ChunkTable): FileStore {
  return {
    put: (key, bytes) => chunks.put(key, bytes),
    async get(key) {
      const rows = await chunks.chunks(key);
      return rows === null ? null : Readable.from(rows);
    },
    delete: (key) => chunks.delete(key),
  };
}
