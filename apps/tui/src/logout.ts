import { ChatClient, waitForState, type TokenStore } from "@canaduck/client";

/**
 * `canaduck --logout`: ends the saved session on the server when it can be reached (so the token
 * stops working everywhere), and forgets it locally in any case. Resolves with what to tell the user.
 */
export async function forgetLogin(url: string, tokens: TokenStore, waitMs = 3_000): Promise<string> {
  if (tokens.load() === null) return `No saved login for ${url}.`;
  const client = new ChatClient({ url, tokens, socket: { reconnection: false } });
  // Logged in, or the token refused (the client core forgets it then), or the server unreachable.
  const loggedIn = await waitForState(client, (s) => s.me !== null || tokens.load() === null, waitMs).then(
    (s) => s.me !== null,
    () => false,
  );
  if (loggedIn) await client.logout();
  client.close();
  tokens.clear();
  return loggedIn ? `Logged out of ${url}; the session has ended.` : `Forgot the saved login for ${url}.`;
}
