import type { ChatClient, ChatState, TokenStore } from "@canaduck/client";
import { createContext, useContext, useRef, useSyncExternalStore } from "react";
import type { DeferredChat } from "./deferred-chat";

export interface ChatServices {
  client: ChatClient;
  tokens: TokenStore;
}

/** The connected client, provided around the chat screen (it exists once the user is logged in). */
export const ChatContext = createContext<ChatServices | null>(null);

/** The client-to-be, provided around the whole app: what the screens before login use. */
export const DeferredChatContext = createContext<DeferredChat | null>(null);

export function useChat(): ChatServices {
  const services = useContext(ChatContext);
  if (services === null) throw new Error("useChat needs a ChatContext provider");
  return services;
}

export function useDeferredChat(): DeferredChat {
  const chat = useContext(DeferredChatContext);
  if (chat === null) throw new Error("useDeferredChat needs a DeferredChatContext provider");
  return chat;
}

type ChatStore = Pick<ChatClient, "getState" | "subscribe">;

/**
 * A slice of the chat state; the view re-renders only when the slice changes. A selector that
 * builds a new value each time (a list) passes `isEqual`, so an equal value keeps its identity.
 */
export function useChatState<T>(select: (state: ChatState) => T, isEqual: (a: T, b: T) => boolean = Object.is): T {
  const services = useContext(ChatContext);
  const deferred = useContext(DeferredChatContext);
  const store: ChatStore | null = services?.client ?? deferred;
  if (store === null) throw new Error("useChatState needs a ChatContext or DeferredChatContext provider");
  const cache = useRef<{ state: ChatState; value: T } | null>(null);
  const snapshot = () => {
    const state = store.getState();
    const cached = cache.current;
    if (cached && cached.state === state) return cached.value;
    const value = select(state);
    const kept = cached && isEqual(cached.value, value) ? cached.value : value;
    cache.current = { state, value: kept };
    return kept;
  };
  return useSyncExternalStore(store.subscribe, snapshot);
}

/** Equal when both lists hold equal items field by field (one level deep). */
export function sameItems<T extends object>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((item, i) => {
    const other = b[i];
    if (other === undefined) return false;
    const keys = Object.keys(item) as (keyof T)[];
    return keys.length === Object.keys(other).length && keys.every((k) => Object.is(item[k], other[k]));
  });
}
