import { activeChannel, displayName } from "@canaduck/client";
import { conversationSettingsOf, type NotificationLevel, type SettingsPatch } from "@canaduck/contract";
import { useState } from "react";
import { useChat, useChatState } from "../lib/chat-context";
import { Modal } from "./modal";

const themes = [
  { value: "system", label: "Follow the system" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
] as const;
const levels: ReadonlyArray<{ value: NotificationLevel; label: string }> = [
  { value: "all", label: "Every line" },
  { value: "mentions", label: "Mentions only" },
  { value: "none", label: "Nothing" },
];

/** The user's preferences, kept on the server: a change here shows on every device at once. */
export function SettingsPanel({ onClose }: { onClose: () => void }) {
  const { client } = useChat();
  const settings = useChatState((s) => s.settings);
  const channel = useChatState(activeChannel);
  const [error, setError] = useState<string | null>(null);
  const update = (patch: SettingsPatch) =>
    void client.updateSettings(patch).then((failed) => setError(failed ? failed.message : null));
  const here = channel ? conversationSettingsOf(settings, channel.view.id) : null;

  return (
    <Modal title="Settings" onClose={onClose} className="settings-panel">
      <fieldset className="settings-group">
        <legend>Theme</legend>
        {themes.map((t) => (
          <label key={t.value} className="settings-choice">
            <input
              type="radio"
              name="theme"
              checked={settings.theme === t.value}
              onChange={() => update({ theme: t.value })}
            />
            {t.label}
          </label>
        ))}
      </fieldset>
      <fieldset className="settings-group">
        <legend>Time</legend>
        <label className="settings-choice">
          <input
            type="radio"
            name="clock"
            checked={settings.clock === "24h"}
            onChange={() => update({ clock: "24h" })}
          />
          24-hour (14:05)
        </label>
        <label className="settings-choice">
          <input
            type="radio"
            name="clock"
            checked={settings.clock === "12h"}
            onChange={() => update({ clock: "12h" })}
          />
          12-hour (2:05 PM)
        </label>
      </fieldset>
      <fieldset className="settings-group">
        <legend>Layout and activity</legend>
        <label className="settings-choice">
          <input type="checkbox" checked={settings.compact} onChange={(e) => update({ compact: e.target.checked })} />
          Compact layout
        </label>
        <label className="settings-choice">
          <input
            type="checkbox"
            checked={settings.typingNotices}
            onChange={(e) => update({ typingNotices: e.target.checked })}
          />
          Typing notices (show who is typing, and tell others when I am)
        </label>
        <label className="settings-choice">
          <input
            type="checkbox"
            checked={settings.linkPreviews}
            onChange={(e) => update({ linkPreviews: e.target.checked })}
          />
          Link previews (show them, and let the server preview the links I send)
        </label>
      </fieldset>
      {channel && here && (
        <fieldset className="settings-group">
          <legend>Notifications in {displayName(channel.view)}</legend>
          <label className="settings-choice">
            Notify me of{" "}
            <select
              value={here.level}
              onChange={(e) =>
                update({ conversation: { channelId: channel.view.id, level: e.target.value as NotificationLevel } })
              }
            >
              {levels.map((l) => (
                <option key={l.value} value={l.value}>
                  {l.label}
                </option>
              ))}
            </select>
          </label>
          <label className="settings-choice">
            <input
              type="checkbox"
              checked={here.muted}
              onChange={(e) => update({ conversation: { channelId: channel.view.id, muted: e.target.checked } })}
            />
            Mute (no unread count, no notifications)
          </label>
        </fieldset>
      )}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </Modal>
  );
}
