import { ChatClient } from "@canaduck/client";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./components/app";
import { ChatContext } from "./lib/chat-context";
import { localTokenStore } from "./lib/local-token-store";
import "./styles/base.css";
import "./styles/layout.css";
import "./styles/messages.css";
import "./styles/controls.css";

const tokens = localTokenStore();
// The server serves this app, so the chat lives on the page's own origin (Vite proxies it in dev).
const client = new ChatClient({ url: window.location.origin, tokens });

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ChatContext value={{ client, tokens }}>
        <App />
      </ChatContext>
    </StrictMode>,
  );
}
