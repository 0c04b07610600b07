import { conversationSettingsOf, mentions } from "@canaduck/contract";
import { displayName, type ChatState } from "./state";

/** A line that is news to me: someone named me, or said something to me privately. */
export interface MentionAlert {
  channelId: string;
  /** "bob in #dev", or "bob" in a direct conversation. */
  title: string;
  body: string;
}

/** The newest seq already looked at in each channel, so only lines that arrive afterwards alert. */
export type SeenSeqs = Readonly<Record<string, number>>;

/**
 * The lines from others that name me, or anything said in a direct conversation, newer than
 * `seen`; and what is seen now. A channel seen for the first time counts from its newest seq
 * then: what the server already had is old news, what comes after (a first private line
 * included) is not. Call it on every state change; the web notifies, the terminal rings.
 */
export function newMentions(seen: SeenSeqs, state: ChatState): { alerts: MentionAlert[]; seen: SeenSeqs } {
  const me = state.me;
  const next: Record<string, number> = {};
  const alerts: MentionAlert[] = [];
  for (const [id, channel] of Object.entries(state.channels)) {
    const before = seen[id] ?? channel.view.lastSeq;
    next[id] = Math.max(before, channel.messages.at(-1)?.seq ?? 0);
    if (!me) continue;
    const direct = channel.view.kind === "direct";
    // The user's level for the conversation: muted or "none" never alerts, "all" alerts every line.
    const { level, muted } = conversationSettingsOf(state.settings, id);
    if (muted || level === "none") continue;
    const everyLine = direct || level === "all";
    const found: MentionAlert[] = [];
    for (let i = channel.messages.length - 1; i >= 0; i -= 1) {
      const m = channel.messages[i];
      if (!m || m.seq <= before) break;
      if ((m.kind !== "text" && m.kind !== "action") || m.author?.id === me.id) continue;
      if (!everyLine && !mentions(m.text, me.name)) continue;
      found.push({
        channelId: id,
        title: `${m.author?.name ?? "Someone"}${direct ? "" : ` in ${displayName(channel.view)}`}`,
        body: m.text,
      });
    }
    alerts.push(...found.reverse());
  }
  return { alerts, seen: next };
}
