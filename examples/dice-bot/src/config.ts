/** The bot's settings, from its environment. */
export interface BotConfig {
  /** Where CanaDuck runs, e.g. http://localhost:3000. */
  url: string;
  /**
   * How it acts: a bot account's API token (its owner made it with `/token create name bot:nick`),
   * or an ordinary account's name and password, logged in with.
   */
  credentials: { token: string } | { name: string; password: string };
  /** The channels it answers in, e.g. `#dev,#games`. */
  channels: string[];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): BotConfig {
  const token = env.BOT_TOKEN ?? "";
  const needed = token === "" ? ["CANADUCK_URL", "BOT_NAME", "BOT_PASSWORD"] : ["CANADUCK_URL"];
  const missing = needed.filter((key) => !env[key]);
  if (missing.length > 0)
    throw new Error(
      `set ${missing.join(", ")} (or BOT_TOKEN instead of BOT_NAME and BOT_PASSWORD; BOT_CHANNELS, e.g. "#dev")`,
    );
  return {
    url: (env.CANADUCK_URL ?? "").replace(/\/+$/, ""),
    credentials: token !== "" ? { token } : { name: env.BOT_NAME ?? "", password: env.BOT_PASSWORD ?? "" },
    channels: (env.BOT_CHANNELS ?? "#dev")
      .split(",")
      .map((c) => c.trim())
      .filter(Boolean),
  };
}
