import { planInput, saysTo } from "@canaduck/client";
import { useCallback } from "react";
import type { ChatActions } from "../lib/chat-actions";
import { useChat } from "../lib/chat-context";
import type { ComposerError } from "./composer";

interface RunOptions {
  actions: ChatActions;
  /** The open target ("#dev", or a nick), for the parser's defaults; absent when nothing is open. */
  target?: string;
  /** A direct conversation not started yet: its first message starts it. */
  draft?: { onStarted: (channelId: string) => void };
  /** Shows `/help [command]` as a list; without it the answer is a notice. Refused (an unknown command) when false. */
  onHelp?: (command?: string) => boolean;
}

/**
 * Runs composer input by the client core's plan. The web shows four commands its own way: `/list`
 * opens the channel browser, `/query` a conversation, `/search` the search panel and `/help` its list; the first message to a new conversation
 * starts it; everything else goes to the client core, which sends it as its event.
 */
export function useRunInput({
  actions,
  target,
  draft,
  onHelp,
}: RunOptions): (text: string) => Promise<ComposerError | null> {
  const { client } = useChat();
  return useCallback(
    async (text: string) => {
      const plan = planInput(text, target);
      if (plan.kind === "refused") return plan.error;
      if (plan.kind === "query") {
        actions.openDirect(plan.nick);
        return null;
      }
      if (plan.kind === "help" && onHelp) {
        if (onHelp(plan.command)) return null;
        const typed = (plan.command ?? "").replace(/^\//, "");
        return { code: "UNKNOWN_COMMAND", message: `There is no command /${typed}; try /help.` };
      }
      if (plan.kind === "list") {
        actions.openBrowser();
        return null;
      }
      if (plan.kind === "event" && plan.command.event === "search:query") {
        actions.openSearch(plan.command.payload.query);
        return null;
      }
      if (draft && target !== undefined && saysTo(plan, target)) {
        const ack = await client.sendMessage(plan.target, plan.text, plan.action);
        if (!ack.ok) return ack.error;
        draft.onStarted(ack.data.message.channelId);
        return null;
      }
      return client.submit(text);
    },
    [client, actions, target, draft, onHelp],
  );
}
