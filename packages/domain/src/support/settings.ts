import {
  applySettingsPatch,
  defaultUserSettings,
  settingsConversationsMax,
  userSettingsSchema,
  type SettingsPatch,
  type UserSettings,
} from "@canaduck/contract";
import { DomainError } from "../domain-error";
import type { Repositories } from "../ports";

/**
 * The user's settings, defaults filled in. What is stored is parsed with the contract's schema
 * field by field, so a field a newer server wrote or an older one never knew falls back to
 * its default instead of losing every other setting.
 */
export async function settingsOf(tx: Repositories, userId: string): Promise<UserSettings> {
  const record = await tx.settings.find(userId);
  if (record === null) return structuredClone(defaultUserSettings);
  let stored: unknown;
  try {
    stored = JSON.parse(record.data);
  } catch {
    return structuredClone(defaultUserSettings);
  }
  const settings = structuredClone(defaultUserSettings);
  if (typeof stored !== "object" || stored === null) return settings;
  const shape = userSettingsSchema.shape;
  const field = <K extends keyof UserSettings>(key: K): void => {
    const parsed = shape[key].safeParse((stored as Record<string, unknown>)[key]);
    if (parsed.success) settings[key] = parsed.data as UserSettings[K];
  };
  for (const key of Object.keys(shape) as Array<keyof UserSettings>) field(key);
  return settings;
}

/** `settings` with `patch` applied, refused when it would keep too many conversations. */
export function patchedSettings(settings: UserSettings, patch: SettingsPatch): UserSettings {
  const next = applySettingsPatch(settings, patch);
  if (Object.keys(next.conversations).length > settingsConversationsMax)
    throw new DomainError(
      "INVALID_PAYLOAD",
      `At most ${settingsConversationsMax} conversations keep their own settings.`,
    );
  return next;
}
