import { initialState, type ChatClient, type ChatState, type TokenStore } from "@canaduck/client";
import type * as chatCore from "./chat-core";

type ChatCore = typeof chatCore;

export interface LoadedChat {
  client: ChatClient;
  core: ChatCore;
}

/**
 * The chat client, created once its chunk has loaded. Until then the screens before login (the
 * form, the splash) read the client's initial state from here, and a login waits for `load()`;
 * afterwards this forwards the real client's state, so those screens never notice the switch.
 */
export class DeferredChat {
  client: ChatClient | null = null;
  private loading: Promise<LoadedChat> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly url: string,
    readonly tokens: TokenStore,
    private readonly importCore: () => Promise<ChatCore> = () => import("./chat-core"),
  ) {}

  getState = (): ChatState => this.client?.getState() ?? initialState;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Fetches the core and connects, once; every caller gets the same client. */
  load(): Promise<LoadedChat> {
    this.loading ??= this.importCore().then((core) => {
      const client = new core.ChatClient({ url: this.url, tokens: this.tokens });
      this.client = client;
      client.subscribe(() => this.notify());
      this.notify();
      return { client, core };
    });
    // A failed fetch (offline for a moment) is tried again by the next caller.
    this.loading.catch(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
