import type { RenderOptions } from "ink";

/**
 * How Ink draws the app. Ink's own frame limit (30 a second by default) held a key's frame back
 * up to 34 ms behind the last frame of a flood; the flood is already coalesced to one frame per
 * FRAME_MS by useChatState, so Ink draws every commit at once and a typed key shows in the next
 * write to the terminal.
 */
export const renderOptions = {
  exitOnCtrlC: false,
  maxFps: 1_000,
} satisfies RenderOptions;
