import type { ChatClient } from "@canaduck/client";
import { useApp } from "ink";
import { useCallback, useRef } from "react";
import { ChatScreen } from "./chat/chat-screen";
import { ConnectingScreen } from "./connecting-screen";
import { useChatState } from "./hooks/use-chat-state";
import { useSavedOutbox } from "./hooks/use-saved-outbox";
import { LoginScreen } from "./login/login-screen";
import type { Outbox } from "./outbox-file";
import { memorySettings, type SettingsStore } from "./settings";

/** How long `/quit` waits for the server to take the parting message before leaving anyway. */
export const QUIT_WAIT_MS = 2_000;

export interface AppProps {
  client: ChatClient;
  url: string;
  /** Whether a session token is saved: then the client is logging in by itself. */
  hasToken: () => boolean;
  /** Rings the terminal bell. */
  onBell: () => void;
  /** Where lines not yet sent are kept between runs (none in the render tests). */
  outbox?: Outbox;
  /** /set and /alias (config.json; kept in memory in the render tests). */
  settings?: SettingsStore;
}

const inMemory = memorySettings();

/** The whole client: the login prompt until there is a session, then the chat. */
export function App({ client, url, hasToken, onBell, outbox, settings = inMemory }: AppProps) {
  const state = useChatState(client);
  useSavedOutbox(client, state, outbox);
  const { exit } = useApp();
  const quitting = useRef(false);
  const quit = useCallback(
    (line?: string) => {
      if (quitting.current) return;
      quitting.current = true;
      const parting = line ? client.submit(line) : Promise.resolve(null);
      const timeout = new Promise((resolve) => setTimeout(resolve, QUIT_WAIT_MS));
      void Promise.race([parting, timeout]).then(() => exit());
    },
    [client, exit],
  );

  if (state.me)
    return <ChatScreen client={client} state={state} url={url} onBell={onBell} onQuit={quit} settings={settings} />;
  if (hasToken()) return <ConnectingScreen url={url} status={state.status} onQuit={quit} />;
  return <LoginScreen client={client} state={state} url={url} onQuit={quit} />;
}
