/** Where a client keeps its session token between runs (localStorage, a config file, memory). */
export interface TokenStore {
  load(): string | null;
  save(token: string): void;
  clear(): void;
}

export function memoryTokenStore(initial: string | null = null): TokenStore {
  let token = initial;
  return {
    load: () => token,
    save: (t) => {
      token = t;
    },
    clear: () => {
      token = null;
    },
  };
}
