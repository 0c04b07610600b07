import type { ChannelState } from "@canaduck/client";
import { useEffect, useState } from "react";
import { typingText } from "../lib/typing-text";

/** Who is typing in the open conversation; an indication lapses when it is not renewed. */
export function TypingIndicator({ typing }: { typing: ChannelState["typing"] }) {
  const [now, setNow] = useState(() => Date.now());
  const entries = Object.values(typing);
  useEffect(() => {
    if (entries.length === 0) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [entries.length]);
  const names = entries.filter((t) => t.until > now).map((t) => t.name);
  return (
    <p className="typing" aria-live="polite">
      {names.length > 0 && (
        <>
          <span className="typing-dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          {typingText(names)}
        </>
      )}
    </p>
  );
}
