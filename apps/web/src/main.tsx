import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./components/app";
import { DeferredChatContext } from "./lib/chat-context";
import { DeferredChat } from "./lib/deferred-chat";
import { localTokenStore } from "./lib/local-token-store";
import "./styles/base.css";
import "./styles/layout.css";
import "./styles/messages.css";
import "./styles/controls.css";

// The server serves this app, so the chat lives on the page's own origin (Vite proxies it in dev).
const chat = new DeferredChat(window.location.origin, localTokenStore());

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <DeferredChatContext value={chat}>
        <App />
      </DeferredChatContext>
    </StrictMode>,
  );
}
// The form is on its way: fetch the client meanwhile, so it is connected by the time anyone logs in.
void chat.load();
