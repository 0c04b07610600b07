import type { ConversationSettings, UserSettings } from "./settings";

// Plain data apart from the schemas, so a client can start from the defaults without loading zod
// (the web app's login screen does).
export const defaultConversationSettings: ConversationSettings = { level: "mentions", muted: false };

export const defaultUserSettings: UserSettings = {
  theme: "system",
  typingNotices: true,
  clock: "24h",
  compact: false,
  linkPreviews: true,
  conversations: {},
};
