import { parseInput } from "@canaduck/contract";
import { useCallback } from "react";
import { useChat } from "../lib/chat-context";
import type { ChatActions } from "./chat-screen";
import type { ComposerError } from "./composer";

interface RunOptions {
  actions: ChatActions;
  /** The open target ("#dev", or a nick), for the parser's defaults. */
  target: string;
  /** A direct conversation not started yet: its first message starts it. */
  draft?: { onStarted: (channelId: string) => void };
}

/**
 * Runs composer input through the contract's parser. `/list` opens the channel browser and
 * `/query` a conversation; the first message to a new conversation starts it; everything else
 * goes to the client core, which sends it as its event.
 */
export function useRunInput({ actions, target, draft }: RunOptions): (text: string) => Promise<ComposerError | null> {
  const { client } = useChat();
  return useCallback(
    async (text: string) => {
      const parsed = parseInput(text, { currentTarget: target });
      if (!parsed.ok) return parsed.error;
      const { command } = parsed;
      if (command.kind === "local" && command.name === "query") {
        actions.openDirect(command.nick);
        return null;
      }
      if (command.kind === "event" && command.event === "channel:list") {
        actions.openBrowser();
        return null;
      }
      if (draft && command.kind === "event" && command.event === "message:send" && command.payload.target.toLowerCase() === target.toLowerCase()) {
        const ack = await client.sendMessage(command.payload.target, command.payload.text, command.payload.action ?? false);
        if (!ack.ok) return ack.error;
        draft.onStarted(ack.data.message.channelId);
        return null;
      }
      return client.submit(text);
    },
    [client, actions, target, draft],
  );
}
