import { useState } from "react";
import { useChat, useChatState } from "../lib/chat-context";
import { AuthScreen } from "./auth-screen";
import { ChatScreen } from "./chat-screen";
import { Splash } from "./splash";

/** Logged in: the chat. A saved session being restored: a splash. Otherwise: log in or register. */
export function App() {
  const { tokens } = useChat();
  const me = useChatState((s) => s.me);
  const [, forget] = useState(0);
  if (me) return <ChatScreen />;
  if (tokens.load() !== null) {
    return (
      <Splash
        onCancel={() => {
          tokens.clear();
          forget((n) => n + 1);
        }}
      />
    );
  }
  return <AuthScreen />;
}
