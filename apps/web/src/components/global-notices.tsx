import { sameItems, useChat, useChatState } from "../lib/chat-context";

/** Notices about no one conversation (kicked, banned, invited) as toasts, until dismissed. */
export function GlobalNotices({ since }: { since: number }) {
  const { client } = useChat();
  const notices = useChatState(
    (s) => s.notices.filter((n) => n.channelId === null && n.id >= since).slice(-4),
    sameItems,
  );
  return (
    <div className="toasts" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`toast ${n.kind}`} role={n.kind === "error" ? "alert" : "status"}>
          <span>{n.text}</span>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => client.dismiss(n.id)}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
