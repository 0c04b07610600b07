import { expect, test } from "../fixtures/test";

/**
 * Chrome DevTools' "Slow 4G" preset, which Lighthouse's mobile profile applies too: 562.5 ms of
 * latency per request, 1.6 Mbit/s × 0.9 down, 750 kbit/s × 0.9 up, on a CPU four times slower.
 */
const SLOW_4G = {
  latency: 562.5,
  downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
  uploadThroughput: (750 * 1024 * 0.9) / 8,
};
const CPU_SLOWDOWN = 4;
const WIRE_BUDGET_BYTES = 150 * 1024;
/**
 * The target, printed with the figure: about 1.85 s here since the login form stopped
 * waiting for the chat client (zod, the contract, socket.io).
 */
const LOGIN_FORM_BUDGET_MS = 2_500;

test("a first visit on slow 4G fetches the login form in under 150 KB and shows it quickly", async ({
  browser,
  server,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, ...SLOW_4G });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });

  // Every byte the browser receives, headers included, as the network panel counts it.
  const received = new Map<string, { url: string; bytes: number; encoding?: string }>();
  cdp.on("Network.responseReceived", (e) =>
    received.set(e.requestId, {
      url: e.response.url,
      bytes: 0,
      encoding: Object.entries(e.response.headers).find(([name]) => name.toLowerCase() === "content-encoding")?.[1],
    }),
  );
  cdp.on("Network.loadingFinished", (e) => {
    const entry = received.get(e.requestId);
    if (entry) entry.bytes = e.encodedDataLength;
  });
  // The moment the login form can be typed into, taken in the page itself (no polling delay).
  await page.addInitScript(() => {
    const seen = () => document.querySelector("form input") !== null;
    new MutationObserver((_, observer) => {
      if (!seen()) return;
      (window as unknown as { loginFormAt: number }).loginFormAt = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });

  await page.goto(server.url);
  await expect(page.getByLabel("Name")).toBeVisible();
  const shownAt = await page.evaluate(() => (window as unknown as { loginFormAt: number }).loginFormAt);
  // Let the requests the form needs finish being counted.
  await page.waitForLoadState("networkidle");

  const entries = [...received.values()];
  const total = entries.reduce((sum, e) => sum + e.bytes, 0);
  for (const e of entries.sort((a, b) => b.bytes - a.bytes))
    console.log(
      `  ${(e.bytes / 1024).toFixed(1).padStart(7)} KB  ${e.encoding ?? "identity"}  ${new URL(e.url).pathname}`,
    );
  console.log(
    `First load on slow 4G, CPU ×${CPU_SLOWDOWN}: ${(total / 1024).toFixed(1)} KB on the wire, login form after ${Math.round(shownAt)} ms (targets: 150 KB, ${LOGIN_FORM_BUDGET_MS} ms: ${shownAt <= LOGIN_FORM_BUDGET_MS ? "met" : "missed"}; the time is printed, not asserted, as a shared machine's noise would fail it).`,
  );

  // Precompressed where compression pays (the build skips files under 1 KB).
  const scripts = entries.filter((e) => new URL(e.url).pathname.endsWith(".js") && e.bytes > 2048);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script.encoding, new URL(script.url).pathname).toBe("br");
  expect(total).toBeLessThanOrEqual(WIRE_BUDGET_BYTES);
  await context.close();
});
