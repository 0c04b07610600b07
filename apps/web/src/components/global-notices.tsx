import type { Notice } from "@canaduck/client";
import { useEffect } from "react";
import { SecretField } from "./secret-field";
import { sameItems, useChat, useChatState } from "../lib/chat-context";

/** How long a toast stays unless dismissed: long enough to read a sentence twice; errors a little longer. */
export const TOAST_MS = { info: 8_000, error: 12_000 } as const;

/** Notices about no one conversation (kicked, banned, invited) as toasts, until dismissed or expired. */
export function GlobalNotices({ since }: { since: number }) {
  const notices = useChatState(
    (s) => s.notices.filter((n) => n.channelId === null && n.id >= since).slice(-4),
    sameItems,
  );
  return (
    <div className="toasts" aria-live="polite">
      {notices.map((n) => (
        <Toast key={n.id} notice={n} />
      ))}
    </div>
  );
}

function Toast({ notice }: { notice: Notice }) {
  const { client } = useChat();
  useEffect(() => {
    // A secret shown once stays until dismissed: it must not vanish before it is copied.
    if (notice.secret !== undefined) return;
    const timer = setTimeout(() => client.dismiss(notice.id), notice.kind === "error" ? TOAST_MS.error : TOAST_MS.info);
    return () => clearTimeout(timer);
  }, [client, notice.id, notice.kind, notice.secret]);
  return (
    <div className={`toast ${notice.kind}`} role={notice.kind === "error" ? "alert" : "status"}>
      <span>
        {notice.text}
        {notice.secret !== undefined && <SecretField secret={notice.secret} />}
      </span>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => client.dismiss(notice.id)}>
        ✕
      </button>
    </div>
  );
}
