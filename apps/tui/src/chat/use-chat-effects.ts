import { memberListKey, newMentions, type ChatClient, type ChatState, type SeenSeqs } from "@canaduck/client";
import { useEffect, useRef } from "react";

/** Rings the terminal bell when a line naming the user (or a private one), or an administrator's alert, arrives. */
export function useMentionBell(state: ChatState, onBell: () => void): void {
  const seen = useRef<SeenSeqs>({});
  const lastAlert = useRef(state.alerts.at(-1)?.id ?? 0);
  useEffect(() => {
    const result = newMentions(seen.current, state);
    seen.current = result.seen;
    const newestAlert = state.alerts.at(-1)?.id ?? 0;
    const alerted = newestAlert > lastAlert.current;
    lastAlert.current = Math.max(lastAlert.current, newestAlert);
    if (result.alerts.length > 0 || alerted) onBell();
  }, [state, onBell]);
}

/** Says in the pane when the connection drops and when it is back. */
export function useConnectionNotes(
  status: ChatState["status"],
  note: (kind: "info" | "error", text: string) => void,
): void {
  const previous = useRef(status);
  useEffect(() => {
    const was = previous.current;
    previous.current = status;
    if (was === "online" && status !== "online") note("error", "Disconnected from the server. Reconnecting…");
    if (was !== "online" && was !== "connecting" && status === "online")
      note("info", "Reconnected. Catching up on what you missed.");
  }, [status, note]);
}

/** Keeps the open channel's member list fresh, when the client core's rule says it is stale. */
export function useMembers(client: ChatClient, state: ChatState): void {
  const key = memberListKey(state);
  const channelId = state.activeId;
  useEffect(() => {
    if (key !== null && channelId !== null) void client.loadMembers(channelId);
  }, [client, key, channelId]);
}
