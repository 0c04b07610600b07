import { sameItems, useChat, useChatState } from "../lib/chat-context";
import { shortTime } from "../lib/format-time";

/** An administrator's /alert, shown to everyone until they dismiss it. */
export function AlertBanner() {
  const { client } = useChat();
  const alerts = useChatState((s) => s.alerts, sameItems);
  const clock = useChatState((s) => s.settings.clock);
  if (alerts.length === 0) return null;
  return (
    <div className="alerts">
      {alerts.map((a) => (
        <div key={a.id} className="alert-banner" role="alert">
          <svg
            className="alert-icon"
            viewBox="0 0 24 24"
            width="20"
            height="20"
            aria-hidden="true"
            focusable="false"
            fill="currentColor"
          >
            <path d="M3 10v4a1 1 0 0 0 1 1h2l4 4V5L6 9H4a1 1 0 0 0-1 1zm12.5 2a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4zM13 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z" />
          </svg>
          <p>
            <strong>Announcement</strong> <bdi>{a.text}</bdi>{" "}
            <span className="muted">{shortTime(new Date(a.createdAt).toISOString(), clock)}</span>
          </p>
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss the announcement"
            onClick={() => client.dismiss(a.id)}
          >
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
