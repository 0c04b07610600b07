import { displayName, type ChannelState } from "@canaduck/client";
import stringWidth from "string-width";
import { sanitize } from "../lines/sanitize";
import { SafeText } from "../safe-text";

/** The top row: where you are and, for a channel, its topic. */
export function titleText(channel: ChannelState | null, url: string): string {
  if (!channel) return `CanaDuck — ${url}`;
  const name = displayName(channel.view);
  if (channel.view.kind === "direct") return `Conversation with ${name}`;
  const mode = channel.view.inviteOnly ? " [+i]" : "";
  return channel.view.topic
    ? `${name}${mode}: ${sanitize(channel.view.topic).replace(/\n/g, " ")}`
    : `${name}${mode} (no topic)`;
}

export function TitleBar({ text, width }: { text: string; width: number }) {
  // Measured as it will be drawn, so the inverse bar still reaches the edge.
  const pad = Math.max(0, width - 1 - stringWidth(sanitize(text)));
  return (
    <SafeText wrap="truncate-end" inverse bold>
      {` ${text}${" ".repeat(pad)}`}
    </SafeText>
  );
}
