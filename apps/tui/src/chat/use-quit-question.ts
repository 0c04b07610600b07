import { useRef, useState } from "react";
import type { KeyCommand } from "../input/key-commands";

/** What Ctrl+C asks when something is not sent yet. */
export const QUIT_QUESTION = "Unsent text: press Ctrl+C again to quit, any other key to stay.";

/**
 * Ctrl+C with unsent words asks first, so a stray press does not throw them away; a second
 * Ctrl+C quits, any other key stays. The answer is kept in a ref too: both presses may arrive
 * in one read, before the next render.
 */
export function useQuitQuestion(unsent: () => boolean, onQuit: () => void) {
  const [asked, setAskedShown] = useState(false);
  const askedNow = useRef(false);
  const setAsked = (value: boolean) => {
    askedNow.current = value;
    setAskedShown(value);
  };
  /** Whether the command was Ctrl+C, now handled; any other key takes the question back. */
  const onKey = (command: KeyCommand): boolean => {
    if (command.type !== "quit") {
      if (askedNow.current) setAsked(false);
      return false;
    }
    if (!askedNow.current && unsent()) setAsked(true);
    else onQuit();
    return true;
  };
  return { onKey, question: asked ? QUIT_QUESTION : null };
}
