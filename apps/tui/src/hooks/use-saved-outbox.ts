import type { ChatClient, ChatState } from "@canaduck/client";
import { useEffect, useRef } from "react";
import type { Outbox } from "../outbox-file";

/**
 * Keeps the client core's outbox on disk: what the last run left unsent is sent once this
 * account is logged in and online again; from then on every change of the outbox is saved.
 */
export function useSavedOutbox(client: ChatClient, state: ChatState, outbox: Outbox | undefined): void {
  const restoredFor = useRef<string | null>(null);
  const userId = state.me?.id ?? null;
  useEffect(() => {
    if (!outbox || userId === null || state.status !== "online" || restoredFor.current === userId) return;
    restoredFor.current = userId;
    const held = new Set(client.getState().pending.map((p) => p.clientId));
    for (const send of outbox.load(userId))
      if (!held.has(send.clientId))
        void client.sendMessage(send.target, send.text, send.action, send.clientId, send.replyTo);
  }, [client, outbox, userId, state.status]);
  useEffect(() => {
    // Saved only once the last run's lines are back in the outbox, so a start cannot wipe them.
    if (outbox && userId !== null && restoredFor.current === userId) outbox.save(userId, client.getState().pending);
  }, [client, outbox, userId, state.pending]);
}
