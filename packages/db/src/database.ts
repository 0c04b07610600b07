import type { Store } from "@canaduck/domain";

/** An open database, whichever kind DATABASE_URL names. */
export interface Database {
  store: Store;
  /** Resolves when the database answers a query; rejects when it cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** Where the data lives, for the start-up log line (never a password). */
  location: string;
  /** The migrations this start applied, oldest first. */
  applied: string[];
}
