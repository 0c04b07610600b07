import type { ChatClient, ChatState } from "@canaduck/client";
import { useSyncExternalStore } from "react";

/** The client core's state, re-rendering on every change. */
export const useChatState = (client: ChatClient): ChatState => useSyncExternalStore(client.subscribe, client.getState);
