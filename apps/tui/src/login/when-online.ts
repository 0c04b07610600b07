import { waitForState, type ChatClient } from "@canaduck/client";

/** Resolves true once the client is connected, or false after `timeoutMs`: a login typed while connecting waits for it. */
export const whenOnline = (client: ChatClient, timeoutMs: number): Promise<boolean> =>
  waitForState(client, (s) => s.status === "online", timeoutMs).then(
    () => true,
    () => false,
  );
