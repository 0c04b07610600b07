import type { TokenStore } from "@canaduck/client";

const KEY = "canaduck.token";

/** Keeps the session token in localStorage so a reload stays logged in; storage may be refused (private mode). */
export function localTokenStore(storage: Storage | undefined = globalThis.localStorage): TokenStore {
  let fallback: string | null = null;
  return {
    load: () => {
      try {
        return storage?.getItem(KEY) ?? fallback;
      } catch {
        return fallback;
      }
    },
    save: (token) => {
      fallback = token;
      try {
        storage?.setItem(KEY, token);
      } catch {
        // Storage refused: the session lasts until the tab closes.
      }
    },
    clear: () => {
      fallback = null;
      try {
        storage?.removeItem(KEY);
      } catch {
        // Nothing stored to clear.
      }
    },
  };
}
