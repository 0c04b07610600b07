import type { Virtualizer, VirtualItem } from "@tanstack/react-virtual";
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from "react";

/** A place in a conversation scrolled up: the scroll offset and the row sizes measured there. */
export interface KeptPosition {
  offset: number;
  measurements: VirtualItem[];
}

/**
 * Where the reader left each conversation scrolled up, kept while the page lives, so switching
 * away and back returns to the same line. Restoring the measured row sizes with the offset puts
 * back exactly what was in view; estimated sizes would land lines away. A conversation left at
 * the bottom is not kept: it opens at the newest line, as it follows them.
 */
const kept = new Map<string, KeptPosition>();

/** The position to open `channelId` at (read once, when the list mounts), or null for the newest line. */
export function useKeptPosition(channelId: string, enabled: boolean): KeptPosition | null {
  const [position] = useState(() => (enabled ? (kept.get(channelId) ?? null) : null));
  return position;
}

interface KeptScrollOptions {
  channelId: string;
  position: KeptPosition | null;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  scrollRef: RefObject<HTMLDivElement | null>;
  /** A jump's window of older lines is not a position to come back to. */
  enabled: boolean;
  /** The kept position is being brought back: the list must stop following the newest line. */
  onRestore: () => void;
}

/**
 * Brings a kept position back when the list mounts (call it before the list's own "follow the
 * newest line" effect, so the restore wins that commit), and returns what the list's scroll
 * handler calls, with whether the view is at the bottom, to keep the reader's place.
 *
 * The place is written down when the list goes (switching conversations unmounts it): copying
 * the row sizes costs a step per loaded row, too much for every scroll event of a long history.
 */
export function useKeptScroll({ channelId, position, virtualizer, scrollRef, enabled, onRestore }: KeptScrollOptions) {
  const restored = useRef(false);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (restored.current || position === null || !el) return;
    restored.current = true;
    onRestore();
    el.scrollTop = position.offset;
  }, [position, scrollRef, onRestore]);

  // Where the reader is now: null at the bottom (nothing to keep), else the scroll offset.
  const place = useRef<number | null>(position?.offset ?? null);
  useLayoutEffect(() => {
    if (!enabled) return;
    return () => {
      const offset = place.current;
      if (offset === null) kept.delete(channelId);
      else kept.set(channelId, { offset, measurements: [...virtualizer.measurementsCache] });
    };
  }, [channelId, virtualizer, enabled]);

  return useCallback(
    (atEnd: boolean) => {
      const el = scrollRef.current;
      if (!enabled || !el) return;
      place.current = atEnd ? null : el.scrollTop;
    },
    [scrollRef, enabled],
  );
}
