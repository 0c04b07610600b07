import { Suspense, useState } from "react";
import { useChat, useChatState } from "../lib/chat-context";
import { AuthScreen } from "./auth-screen";
import { LazyChatScreen, preloadChatScreen } from "./lazy-chat-screen";
import { Splash } from "./splash";

/** Logged in: the chat. A saved session being restored: a splash. Otherwise: log in or register. */
export function App() {
  const { tokens } = useChat();
  const me = useChatState((s) => s.me);
  const [, forget] = useState(0);
  const cancel = () => {
    tokens.clear();
    forget((n) => n + 1);
  };
  if (me)
    return (
      <Suspense fallback={<Splash onCancel={cancel} />}>
        <LazyChatScreen />
      </Suspense>
    );
  if (tokens.load() !== null) {
    preloadChatScreen();
    return <Splash onCancel={cancel} />;
  }
  return <AuthScreen />;
}
