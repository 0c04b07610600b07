import { ChatClient } from "@canaduck/client";
import { render } from "ink";
import { App } from "./app";
import { loadConfig, usage } from "./config";
import { enterFullScreen } from "./full-screen";
import { forgetLogin } from "./logout";
import { setClock } from "./lines/format-time";
import { setFileServer } from "./lines/file-line";
import { sanitize } from "./lines/sanitize";
import { collectAfterBursts } from "./memory-after-bursts";
import { stripColourFrom } from "./no-color";
import { renderOptions } from "./render-options";
import { fileOutbox } from "./outbox-file";
import { fileSettings } from "./settings";
import { fileTokenStore } from "./token-file";
import { setColours } from "./theme";

async function main(): Promise<number> {
  const config = loadConfig();
  if (config.kind === "help") {
    console.log(usage);
    return 0;
  }
  if (config.kind === "error") {
    console.error(`${config.message}\n\n${usage}`);
    return 2;
  }
  const tokens = fileTokenStore(config.configDir, config.url);
  if (config.logout) {
    console.log(sanitize(await forgetLogin(config.url, tokens)));
    return 0;
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    console.error("canaduck is a full-screen program: run it in a terminal.");
    return 1;
  }

  if (config.noColor) stripColourFrom(process.stdout);
  const settings = fileSettings(config.configDir, config.logsDir);
  // --clock on the command line wins over the file's (/set clock).
  setClock(config.clockGiven ? config.clock : (settings.get().clock ?? config.clock));
  setColours(settings.get().colors ?? {});
  setFileServer(config.url);
  const client = new ChatClient({ url: config.url, tokens });
  // Started with --expose-gc (bin/canaduck.js), the heap a burst of lines grew to is given back
  // once the client is idle, with a compacting collection (V8's own comes ~8 s later).
  const { gc } = globalThis;
  const stopCollecting = gc
    ? collectAfterBursts(client.subscribe, process.stdin, () => gc({ type: "major", flavor: "last-resort" }))
    : () => undefined;
  const restore = enterFullScreen(process.stdout, process.stdin);
  const app = render(
    <App
      client={client}
      url={config.url}
      hasToken={() => tokens.load() !== null}
      onBell={() => process.stdout.write("\u0007")}
      outbox={fileOutbox(config.configDir, config.url)}
      settings={settings}
    />,
    renderOptions,
  );
  // Ctrl+C reaches the app as a key; these come from outside (kill, a closed terminal, or
  // Ctrl+C before the keyboard is in raw mode) and leave the same orderly way.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(signal, () => app.unmount());
  // A crash is reported on the normal screen, where it stays readable.
  process.once("uncaughtException", (error) => {
    app.unmount();
    restore();
    // Printed past Ink, so cleaned here: an error's message may quote what a server sent.
    console.error(sanitize(error instanceof Error ? (error.stack ?? error.message) : String(error)));
    process.exit(1);
  });
  try {
    await app.waitUntilExit();
  } finally {
    stopCollecting();
    client.close();
    restore();
  }
  return 0;
}

// Exit explicitly: a socket or timer left behind must not keep a finished client alive.
process.exit(await main());
