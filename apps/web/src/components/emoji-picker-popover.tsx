import { useEffect, useRef, useState } from "react";

interface EmojiPickerPopoverProps {
  onPick: (emoji: string) => void;
  onClose: () => void;
}

/**
 * The full emoji picker over the line: emoji-mart, loaded the first time it is opened. Escape
 * or a click elsewhere closes it.
 */
export function EmojiPickerPopover({ onPick, onClose }: EmojiPickerPopoverProps) {
  // The picker's own element lives in `host`, which React leaves empty; the popover is the click boundary.
  const popover = useRef<HTMLDivElement>(null);
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");

  useEffect(() => {
    let unmount: (() => void) | undefined;
    let cancelled = false;
    import("../lib/emoji-picker")
      .then(({ mountEmojiPicker }) => {
        if (cancelled || !host.current) return;
        unmount = mountEmojiPicker(host.current, onPick);
        setState("ready");
      })
      .catch(() => setState("failed"));
    return () => {
      cancelled = true;
      unmount?.();
    };
  }, [onPick]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    const onDown = (e: MouseEvent) => {
      if (popover.current && !e.composedPath().includes(popover.current)) onClose();
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onDown);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onDown);
    };
  }, [onClose]);

  return (
    <div ref={popover} className="emoji-popover" role="dialog" aria-label="Pick a reaction">
      {state === "loading" && <p className="emoji-loading">Loading emoji…</p>}
      {state === "failed" && <p role="alert">The emoji picker could not be loaded. Try again after reconnecting.</p>}
      <div ref={host} className="emoji-picker-host" />
    </div>
  );
}
