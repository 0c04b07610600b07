import { lineFromBottom, visibleLines, type ChannelState } from "@canaduck/client";
import { isSaid, type Message } from "@canaduck/contract";

/** Where `/goto` leads: the conversation and the seq to show, or why there is nowhere to go. */
export type GotoTarget = { ok: true; channelId: string; seq: number } | { ok: false; hint: string };

type Shown = Pick<ChannelState, "view" | "messages" | "window">;

const isReply = (m: Message) => isSaid(m) && m.deleted !== true && m.replyTo !== undefined;

/** The newest reply among the lines shown, or null. */
function newestReply(channel: Shown): Message | null {
  const lines = visibleLines(channel);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i];
    if (line && isReply(line)) return line;
  }
  return null;
}

/**
 * The line `/goto [n]` jumps to: the original of the n-th said line from the bottom of what the
 * conversation shows (as `/react` and `/reply` count), or without `n` of the newest reply shown.
 */
export function gotoTarget(channel: Shown | null, line?: number): GotoTarget {
  if (!channel) return { ok: false, hint: "Open a conversation first: /goto jumps from a reply in it." };
  const reply = line === undefined ? newestReply(channel) : lineFromBottom(channel, line);
  if (!reply) {
    return {
      ok: false,
      hint:
        line === undefined
          ? "There is no reply here to jump from."
          : `There is no line ${line} here: 1 is the last said line.`,
    };
  }
  if (!reply.replyTo) {
    return { ok: false, hint: "That line is not a reply: /goto jumps from a reply (↪) to the line it answers." };
  }
  if (reply.replyTo.deleted) return { ok: false, hint: "The line that reply answers was deleted." };
  return { ok: true, channelId: channel.view.id, seq: reply.replyTo.seq };
}
