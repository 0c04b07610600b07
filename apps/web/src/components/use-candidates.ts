import { completionCandidates, sameCandidates } from "@canaduck/client";
import type { CompletionCandidates } from "@canaduck/contract";
import { useChatState } from "../lib/chat-context";

/** What Tab completes to in a conversation (null: one not started yet), by the client core's rule. */
export const useCandidates = (channelId: string | null): CompletionCandidates =>
  useChatState((s) => completionCandidates(s, channelId), sameCandidates);
