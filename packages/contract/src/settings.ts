import { z } from "zod";
import { wellFormedStringSchema } from "./primitives";
import { defaultConversationSettings } from "./settings-defaults";

/** How many conversations may carry their own notification setting: more is refused as a payload error. */
export const settingsConversationsMax = 500;

export const themeSchema = z.enum(["light", "dark", "system"]);
export const notificationLevelSchema = z.enum(["all", "mentions", "none"]);

/** One conversation's notifications: which lines notify, and whether it is muted (no unread badge, no sound). */
export const conversationSettingsSchema = z.object({
  level: notificationLevelSchema,
  muted: z.boolean(),
});

/**
 * A user's preferences, kept on the server so every device shows the same. `conversations` is
 * keyed by channel id; a conversation absent from it notifies on mentions and is not muted.
 */
export const userSettingsSchema = z.object({
  theme: themeSchema,
  typingNotices: z.boolean(),
  clock: z.enum(["12h", "24h"]),
  compact: z.boolean(),
  /** Off: the server fetches no preview for the user's own links, and their clients show none. */
  linkPreviews: z.boolean(),
  conversations: z.record(z.string().min(1).max(64), conversationSettingsSchema),
});
export type UserSettings = z.infer<typeof userSettingsSchema>;
export type ConversationSettings = z.infer<typeof conversationSettingsSchema>;
export type NotificationLevel = z.infer<typeof notificationLevelSchema>;

/** What settings:update changes: any of the top-level fields, and one conversation's entry. */
export const settingsPatchSchema = z.object({
  theme: themeSchema.optional(),
  typingNotices: z.boolean().optional(),
  clock: z.enum(["12h", "24h"]).optional(),
  compact: z.boolean().optional(),
  linkPreviews: z.boolean().optional(),
  conversation: z
    .object({
      // Well formed (no NUL, no lone surrogate): the database refuses those, which was an INTERNAL.
      channelId: wellFormedStringSchema(64).min(1),
      level: notificationLevelSchema.optional(),
      muted: z.boolean().optional(),
    })
    .optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** The settings a conversation has, defaults filled in. */
export const conversationSettingsOf = (settings: UserSettings, channelId: string): ConversationSettings =>
  settings.conversations[channelId] ?? defaultConversationSettings;

/**
 * `settings` with `patch` applied: the server's rule, and the client's guess before the server
 * answers. A conversation back at the defaults is dropped, keeping the document small.
 */
export function applySettingsPatch(settings: UserSettings, patch: SettingsPatch): UserSettings {
  const { conversation, ...top } = patch;
  const next: UserSettings = { ...settings, conversations: { ...settings.conversations } };
  if (top.theme !== undefined) next.theme = top.theme;
  if (top.typingNotices !== undefined) next.typingNotices = top.typingNotices;
  if (top.clock !== undefined) next.clock = top.clock;
  if (top.compact !== undefined) next.compact = top.compact;
  if (top.linkPreviews !== undefined) next.linkPreviews = top.linkPreviews;
  if (conversation !== undefined) {
    const held = next.conversations[conversation.channelId] ?? defaultConversationSettings;
    const entry = { level: conversation.level ?? held.level, muted: conversation.muted ?? held.muted };
    if (entry.level === defaultConversationSettings.level && entry.muted === defaultConversationSettings.muted)
      delete next.conversations[conversation.channelId];
    else next.conversations[conversation.channelId] = entry;
  }
  return next;
}
