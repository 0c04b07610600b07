import { useEffect, useRef, useState } from "react";
import { useChatState } from "../lib/chat-context";

/** Says when the connection drops, that it is coming back by itself, and when it is back. */
export function ConnectionBanner() {
  const status = useChatState((s) => s.status);
  const wasDown = useRef(false);
  const [backOnline, setBackOnline] = useState(false);
  useEffect(() => {
    if (status !== "online") {
      wasDown.current = true;
      setBackOnline(false);
      return;
    }
    if (!wasDown.current) return;
    wasDown.current = false;
    setBackOnline(true);
    const timer = setTimeout(() => setBackOnline(false), 3_000);
    return () => clearTimeout(timer);
  }, [status]);

  const down = status === "reconnecting" || status === "offline";
  return (
    <div className="connection" role="status" aria-live="polite">
      {down && (
        <p className="connection-banner down">
          {status === "offline"
            ? "Disconnected. Reload the page to try again."
            : "Connection lost. Reconnecting… your messages will be sent when it is back."}
        </p>
      )}
      {!down && backOnline && <p className="connection-banner up">Back online. You are up to date.</p>}
    </div>
  );
}
