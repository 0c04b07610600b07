import { describe, expect, it } from "vitest";
import { FRAME_MS } from "./hooks/use-chat-state";
import { renderOptions } from "./render-options";

describe("how Ink draws the app", () => {
  it("draws a typed key at once: Ink's own frame limit holds nothing back, the flood is limited by the app's", () => {
    // Ink waits ceil(1000 / maxFps) ms after a frame before the next (34 ms at its default 30).
    const inkFrameMs = Math.ceil(1000 / renderOptions.maxFps);
    expect(inkFrameMs).toBeLessThanOrEqual(1);
    expect(FRAME_MS).toBeGreaterThan(inkFrameMs);
    expect(renderOptions.exitOnCtrlC).toBe(false);
  });
});
