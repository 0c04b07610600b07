import { typingText, type ChannelState } from "@canaduck/client";
import { useEffect, useState } from "react";

/** Who is typing in the open conversation; an indication lapses when it is not renewed. */
export function TypingIndicator({ typing }: { typing: ChannelState["typing"] }) {
  const [now, setNow] = useState(() => Date.now());
  const entries = Object.values(typing);
  useEffect(() => {
    if (entries.length === 0) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [entries.length]);
  const text = typingText(typing, now);
  return (
    <p className="typing" aria-live="polite">
      {text !== null && (
        <>
          <span className="typing-dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          {text}
        </>
      )}
    </p>
  );
}
