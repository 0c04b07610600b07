export * from "./chat-client";
export * from "./completion-candidates";
export * from "./connection";
export * from "./conversation-order";
export * from "./credentials-problem";
export * from "./describe-result";
export * from "./error-text";
export * from "./input-plan";
export * from "./member-list-key";
export * from "./mention-alerts";
// The mention rule lives in the contract: the server counts mentions for unread badges with it too.
export { mentions, mentionSpans } from "@canaduck/contract";
export * from "./merge-messages";
export * from "./reducer";
export * from "./state";
export * from "./token-store";
export * from "./typing-text";
export * from "./wait-for-state";
