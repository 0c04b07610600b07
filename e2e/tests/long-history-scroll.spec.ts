import type { Locator } from "@playwright/test";
import { seedLongHistory } from "../fixtures/seed";
import { expect, joinChannel, messageLog, test } from "../fixtures/test";

// Seeding says thousands of lines in seconds, far past the per-user send limit.
test.use({ serverEnv: { RATE_LIMITS: "off" } });

const SEEDED = 20_000;
/** Lines loaded before each measured window: the work per frame must not grow with them. */
const LOADED_BEFORE = [0, 6_000, 12_000];
const WINDOW_MS = 4_000;
/**
 * A first, unmeasured stretch of scrolling: the first rows ever rendered pay for compiling the
 * code and warming the caches, which is not what the windows compare.
 */
const WARM_UP = 0;
const WARM_UP_MS = 2_000;
/** The warm-up stops after this many lines loaded, the measured windows after this many more than they began with. */
const WARM_UP_LINES = 2_000;
const WINDOW_LINES = 5_000;
/** How far each frame scrolls up: a hard flick, which reaches the top (and the next page) often. */
const STEP_PX = 300;
/**
 * The CPU as it is. (At ×4 the rows mounted each frame cost so much that what grows with the
 * history hides in the noise of a shared machine; unthrottled, it is what shows.)
 */
const CPU_SLOWDOWN = 1;
const line = (i: number) => `archived line ${i}`;

interface WindowStats {
  p95: number;
  blocking: number;
  frames: number;
  /** How many lines were loaded when the window began, and when it ended. */
  from: number;
  loaded: number;
}

/** The oldest line in the DOM: the seeded lines are numbered, so the lines loaded are SEEDED - oldest + 1. */
const oldestShown = (el: Element) =>
  Math.min(
    ...[...el.querySelectorAll(".row")].map((r) =>
      Number(/archived line (\d+)/.exec(r.textContent ?? "")?.[1] ?? Infinity),
    ),
  );

/** Jumps to the top again and again, unmeasured, until `lines` are loaded (rendering only the top rows). */
async function loadUpTo(log: Locator, lines: number): Promise<void> {
  await expect(async () => {
    await log.evaluate((el) => el.scrollTo({ top: 0 }));
    const oldest = await log.evaluate(oldestShown);
    expect(SEEDED - oldest + 1).toBeGreaterThanOrEqual(lines);
  }).toPass({ timeout: 30_000, intervals: [50] });
}

test("scrolling fast back through a long history costs no more per frame however much is loaded", async ({
  server,
  signUp,
}) => {
  test.setTimeout(90_000);
  await seedLongHistory(server.url, "archivist", "#archive", SEEDED, line);
  const ann = await signUp("ann");
  await joinChannel(ann, "#archive");
  const log = messageLog(ann);
  await expect(log.getByText(line(SEEDED), { exact: true })).toBeVisible();
  const cdp = await ann.context().newCDPSession(ann);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });

  const windows: WindowStats[] = [];
  for (const [i, before] of [WARM_UP, ...LOADED_BEFORE].entries()) {
    await loadUpTo(log, before);
    const from = SEEDED - (await log.evaluate(oldestShown)) + 1;
    // Scroll up by STEP_PX every frame (older pages load as the top nears), recording every
    // frame's duration and the main thread's long tasks in the page, so nothing is sampled late.
    const stats = await log.evaluate(
      (el, { ms, step, stopAtLine }) =>
        new Promise<Omit<WindowStats, "from" | "loaded">>((resolve) => {
          const frames: number[] = [];
          let blocking = 0;
          const longTasks = new PerformanceObserver((list) => {
            for (const task of list.getEntries()) blocking += Math.max(0, task.duration - 50);
          });
          longTasks.observe({ type: "longtask" });
          const start = performance.now();
          let last = start;
          const tick = (now: number) => {
            frames.push(now - last);
            last = now;
            el.scrollTop = Math.max(0, el.scrollTop - step);
            // At the very beginning there is nothing left to load: idle frames would flatter the window.
            // And a window ends once it has loaded its stretch, so a fast machine does not run
            // one window through the next one's history.
            const ended =
              el.querySelector(".channel-start") !== null ||
              [...el.querySelectorAll(".row")].some(
                (r) => Number(/archived line (\d+)/.exec(r.textContent ?? "")?.[1] ?? Infinity) <= stopAtLine,
              );
            if (now - start < ms && !ended) {
              requestAnimationFrame(tick);
              return;
            }
            longTasks.disconnect();
            frames.sort((a, b) => a - b);
            resolve({
              p95: frames[Math.floor(frames.length * 0.95)] ?? 0,
              blocking,
              frames: frames.length,
            });
          };
          requestAnimationFrame(tick);
        }),
      {
        ms: i === 0 ? WARM_UP_MS : WINDOW_MS,
        step: STEP_PX,
        stopAtLine: SEEDED - (i === 0 ? WARM_UP_LINES : before + WINDOW_LINES) + 1,
      },
    );
    // Read once the scrolling has stopped, outside the measured frames.
    const loaded = SEEDED - (await log.evaluate(oldestShown)) + 1;
    if (i > 0) windows.push({ ...stats, from, loaded });
  }

  for (const [i, s] of windows.entries())
    console.log(
      `Window ${i + 1} (${WINDOW_MS / 1000} s, CPU ×${CPU_SLOWDOWN}): p95 frame ${s.p95.toFixed(1)} ms, long-task blocking ${Math.round(s.blocking)} ms, ${s.frames} frames, ${s.from} → ${s.loaded} lines loaded.`,
    );
  const [first, , last] = windows;
  if (!first || !last) throw new Error("no windows measured");
  // The windows really did scroll through more and more history, each through a stretch of its own.
  expect(last.from).toBeGreaterThanOrEqual(first.from + 7_000);
  for (const w of windows) expect(w.frames).toBeGreaterThanOrEqual(10);
  // Flat: the last window's frames should cost about what the first's did (the issue saw 33 → 50
  // → 83 ms). Printed, not asserted: on a shared two-core machine a window's p95 moves by a frame
  // or two either way, so a bound tight enough to matter fails on noise (speed is measured, the
  // house rule says, never gated in a timed test).
  console.log(
    `Long history: last window's p95 is ${(last.p95 / Math.max(first.p95, 1)).toFixed(2)}× the first's (target: flat, ≤ 1.5× + 8 ms: ${last.p95 <= first.p95 * 1.5 + 8 ? "met" : "missed"}).`,
  );
});
