import { Suspense, useMemo, useState } from "react";
import { ChatContext, useChatState, useDeferredChat } from "../lib/chat-context";
import { AuthScreen } from "./auth-screen";
import { LazyChatScreen, preloadChatScreen } from "./lazy-chat-screen";
import { Splash } from "./splash";

/** Logged in: the chat. A saved session being restored: a splash. Otherwise: log in or register. */
export function App() {
  const chat = useDeferredChat();
  const { tokens, client } = chat;
  const me = useChatState((s) => s.me);
  const [, forget] = useState(0);
  const services = useMemo(() => (client ? { client, tokens } : null), [client, tokens]);
  const cancel = () => {
    tokens.clear();
    forget((n) => n + 1);
  };
  // `me` comes from the client, so whenever it is set the client exists.
  if (me && services)
    return (
      <ChatContext value={services}>
        <Suspense fallback={<Splash onCancel={cancel} />}>
          <LazyChatScreen />
        </Suspense>
      </ChatContext>
    );
  if (tokens.load() !== null) {
    preloadChatScreen();
    return <Splash onCancel={cancel} />;
  }
  return <AuthScreen />;
}
