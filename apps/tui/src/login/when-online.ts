import type { ChatClient } from "@canaduck/client";

/** Resolves true once the client is connected, or false after `timeoutMs`: a login typed while connecting waits for it. */
export function whenOnline(client: ChatClient, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (client.getState().status === "online") return resolve(true);
    const done = (online: boolean) => {
      clearTimeout(timer);
      stop();
      resolve(online);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    const stop = client.subscribe(() => {
      if (client.getState().status === "online") done(true);
    });
  });
}
