// The chat core: the client, the contract's zod schemas and socket.io, about half the app's first
// script. It is its own chunk so the login form never waits for it (see deferred-chat.ts).
export { ChatClient, credentialsProblem } from "@canaduck/client";
