/** Size limits shared by the server's validation and the clients' input checks. */
export const limits = {
  nickMaxLength: 24,
  channelNameMaxLength: 32,
  passwordMinLength: 8,
  passwordMaxLength: 256,
  messageMaxLength: 4000,
  topicMaxLength: 300,
  reasonMaxLength: 200,
  alertMaxLength: 500,
  clientIdMaxLength: 64,
  historyPageMax: 200,
  historyPageDefault: 50,
  auditPageMax: 500,
  auditPageDefault: 50,
  /** Longest ban that can be given a duration (one year); longer bans are permanent. */
  banMaxSeconds: 365 * 24 * 3600,
} as const;
