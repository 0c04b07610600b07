/** The bot's settings, from its environment. */
export interface BotConfig {
  /** Where CanaDuck runs, e.g. http://localhost:3000. */
  url: string;
  name: string;
  password: string;
  /** The channels it answers in, e.g. `#dev,#games`. */
  channels: string[];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): BotConfig {
  const missing = ["CANADUCK_URL", "BOT_NAME", "BOT_PASSWORD"].filter((key) => !env[key]);
  if (missing.length > 0) throw new Error(`set ${missing.join(", ")} (and BOT_CHANNELS, e.g. "#dev")`);
  return {
    url: (env.CANADUCK_URL ?? "").replace(/\/+$/, ""),
    name: env.BOT_NAME ?? "",
    password: env.BOT_PASSWORD ?? "",
    channels: (env.BOT_CHANNELS ?? "#dev")
      .split(",")
      .map((c) => c.trim())
      .filter(Boolean),
  };
}
