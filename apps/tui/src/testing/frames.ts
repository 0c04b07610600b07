/** Strips colours and other SGR sequences from a frame, leaving what the user reads. */
// eslint-disable-next-line no-control-regex -- matching escape sequences is the point
export const plain = (frame: string | undefined): string => (frame ?? "").replace(/\u001b\[[0-9;]*m/g, "");

/**
 * Polls `lastFrame` until it satisfies `ready`, so a test waits for the screen to change
 * instead of sleeping; fails after `timeoutMs` showing the last frame.
 */
export async function waitForFrame(
  lastFrame: () => string | undefined,
  ready: (frame: string) => boolean,
  timeoutMs = 8_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = plain(lastFrame());
    if (ready(frame)) return frame;
    if (Date.now() > deadline) throw new Error(`frame not reached in ${timeoutMs} ms; last frame:\n${frame}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
