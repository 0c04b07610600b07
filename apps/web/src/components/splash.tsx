import { useChatState } from "../lib/chat-context";
import { Logo } from "./logo";

/** Shown while a saved session reconnects, so a reload never flashes the login form. */
export function Splash({ onCancel }: { onCancel: () => void }) {
  const status = useChatState((s) => s.status);
  const trouble = status === "reconnecting" || status === "offline";
  return (
    <main className="splash">
      <Logo />
      <p role="status">{trouble ? "Cannot reach the server. Retrying…" : "Connecting…"}</p>
      {trouble && (
        <button type="button" className="button subtle" onClick={onCancel}>
          Log in with another account
        </button>
      )}
    </main>
  );
}
