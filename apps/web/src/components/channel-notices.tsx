import { SecretField } from "./secret-field";
import { sameItems, useChat, useChatState } from "../lib/chat-context";

/** Answers to commands (/who, /help, /topic…) for the open conversation, until dismissed. */
export function ChannelNotices({ channelId }: { channelId: string }) {
  const { client } = useChat();
  const notices = useChatState((s) => s.notices.filter((n) => n.channelId === channelId).slice(-3), sameItems);
  if (notices.length === 0) return null;
  return (
    <div className="channel-notices">
      {notices.map((n) => (
        <div
          key={n.id}
          className={`notice ${n.kind}`}
          role={n.kind === "error" ? "alert" : "status"}
          data-code={n.code}
        >
          <div className="notice-body">
            <pre className="notice-text">{n.text}</pre>
            {n.secret !== undefined && <SecretField secret={n.secret} />}
          </div>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => client.dismiss(n.id)}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
