import { useCallback, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { loadRecentEmoji } from "../lib/recent-emoji";
import { EmojiPickerPopover } from "./emoji-picker-popover";

interface LineActionsProps {
  /** Absent when the action does not apply to this line (or is not the user's to take). */
  onReact?: (emoji: string) => void;
  onReply?: () => void;
  onEdit?: () => void;
  onDelete?: () => void;
}

/** emoji-mart's picker measures about this much; the popover flips above the line when below does not fit. */
const PICKER = { width: 352, height: 435 };

function popoverPlace(button: HTMLElement): { top: number; left: number } {
  const rect = button.getBoundingClientRect();
  const fitsBelow = rect.bottom + PICKER.height + 8 < window.innerHeight;
  const top = fitsBelow ? rect.bottom + 4 : Math.max(8, rect.top - PICKER.height - 4);
  const left = Math.max(8, Math.min(rect.right - PICKER.width, window.innerWidth - PICKER.width - 8));
  return { top, left };
}

/**
 * The bar that appears over a line on hover or focus: the recent reactions, the full picker,
 * reply, and edit and delete where the user may.
 */
export function LineActions({ onReact, onReply, onEdit, onDelete }: LineActionsProps) {
  const [picker, setPicker] = useState<{ top: number; left: number } | null>(null);
  const more = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setPicker(null), []);
  const pick = useCallback(
    (emoji: string) => {
      setPicker(null);
      onReact?.(emoji);
    },
    [onReact],
  );

  return (
    <div className={picker ? "line-actions open" : "line-actions"} role="toolbar" aria-label="Message actions">
      {onReact &&
        loadRecentEmoji().map((emoji) => (
          <button
            key={emoji}
            type="button"
            className="line-action emoji"
            aria-label={`React with ${emoji}`}
            title={`React with ${emoji}`}
            onClick={() => onReact(emoji)}
          >
            {emoji}
          </button>
        ))}
      {onReact && (
        <button
          ref={more}
          type="button"
          className="line-action"
          aria-label="Add a reaction"
          title="Add a reaction"
          aria-expanded={picker !== null}
          onClick={() => setPicker((p) => (p || !more.current ? null : popoverPlace(more.current)))}
        >
          ☺+
        </button>
      )}
      {onReply && (
        <button type="button" className="line-action" aria-label="Reply" title="Reply" onClick={onReply}>
          ↩
        </button>
      )}
      {onEdit && (
        <button type="button" className="line-action" aria-label="Edit" title="Edit" onClick={onEdit}>
          ✎
        </button>
      )}
      {onDelete && (
        <button type="button" className="line-action danger" aria-label="Delete" title="Delete" onClick={onDelete}>
          🗑
        </button>
      )}
      {picker &&
        createPortal(
          <div className="emoji-popover-place" style={{ top: picker.top, left: picker.left }}>
            <EmojiPickerPopover onPick={pick} onClose={close} />
          </div>,
          document.body,
        )}
    </div>
  );
}
