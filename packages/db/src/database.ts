import type { Store } from "@canaduck/domain";
import type { ChunkTable } from "./file-chunks";

/** An open database, whichever kind DATABASE_URL names. */
export interface Database {
  store: Store;
  /** Stored objects in the database itself (FILE_STORAGE=database). */
  chunks: ChunkTable;
  /** Resolves when the database answers a query; rejects when it cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** Where the data lives, for the start-up log line (never a password). */
  location: string;
  /** The migrations this start applied, oldest first. */
  applied: string[];
}
