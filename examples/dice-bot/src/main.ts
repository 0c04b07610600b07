import { CanaDuckApi } from "./canaduck-api";
import { loadConfig } from "./config";
import { DiceBot } from "./dice-bot";

const config = loadConfig();
const stop = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => stop.abort());
await new DiceBot(new CanaDuckApi(config.url), config).run(stop.signal);
