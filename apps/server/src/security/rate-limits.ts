import type { RateRule } from "./rate-rule";

/** Every limit the server enforces, each a rule or null when switched off (see config.ts). */
export interface RateLimitConfig {
  sendPerUser: RateRule | null;
  sendPerAddress: RateRule | null;
  joinPerUser: RateRule | null;
  joinPerAddress: RateRule | null;
  /** read:mark: clients mark as lines come into view, at most about once a second a conversation. */
  markPerUser: RateRule | null;
  markPerAddress: RateRule | null;
  /** search:query: clients search as the user types (debounced), a query every few keystrokes. */
  searchPerUser: RateRule | null;
  searchPerAddress: RateRule | null;
  /** Reads (history, lists, state): per call, and by the KiB their answers carry. */
  readPerUser: RateRule | null;
  readPerAddress: RateRule | null;
  readKibPerUser: RateRule | null;
  readKibPerAddress: RateRule | null;
  /** typing:set: clients send one as typing starts and stops, a few a conversation a minute. */
  typingPerUser: RateRule | null;
  typingPerAddress: RateRule | null;
  /** Every other command a user gives: parts, moderation, sessions, alerts. */
  commandPerUser: RateRule | null;
  commandPerAddress: RateRule | null;
  /** Failed logins per account name: a success gives its attempt back. */
  loginPerAccount: RateRule | null;
  /** Failed logins per address. */
  loginPerAddress: RateRule | null;
  registerPerAddress: RateRule | null;
  connectPerAddress: RateRule | null;
}
