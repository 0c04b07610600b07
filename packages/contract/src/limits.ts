/** Size limits shared by the server's validation and the clients' input checks. */
export const limits = {
  nickMaxLength: 24,
  channelNameMaxLength: 32,
  passwordMinLength: 8,
  passwordMaxLength: 256,
  messageMaxLength: 4000,
  topicMaxLength: 300,
  reasonMaxLength: 200,
  /** Most users one account may /ignore. */
  ignoredUsersMax: 100,
  alertMaxLength: 500,
  clientIdMaxLength: 64,
  historyPageMax: 200,
  historyPageDefault: 50,
  auditPageMax: 500,
  auditPageDefault: 50,
  /** Characters of a search's text (words and filters). */
  searchQueryMaxLength: 500,
  searchPageDefault: 20,
  searchPageMax: 50,
  /** Different emoji one line may carry; a new one beyond is refused TOO_MANY_REACTIONS. */
  reactionsPerMessageMax: 20,
  /** Characters of the original a reply's summary shows. */
  replyExcerptLength: 80,
  /** Conversations one session:sync may name. */
  syncConversationsMax: 1000,
  /**
   * Entries session:sync returns after a conversation's `after`; further behind, it answers
   * "reset" with the newest page instead (the client starts that conversation afresh).
   */
  syncEntriesMax: 200,
  /** Unread and mention counts stop here (a badge shows "999+"). */
  unreadCountMax: 999,
  /** Characters kept of a link preview's title and of its description. */
  previewTitleMaxLength: 200,
  previewDescriptionMaxLength: 500,
  /** Longest ban that can be given a duration (one year); longer bans are permanent. */
  banMaxSeconds: 365 * 24 * 3600,
} as const;
