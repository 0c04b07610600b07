export * from "./chat-client";
export * from "./connection";
export * from "./describe-result";
export * from "./mentions";
export * from "./merge-messages";
export * from "./reducer";
export * from "./state";
export * from "./token-store";
