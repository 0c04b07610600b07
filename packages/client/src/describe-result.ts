import type { ClientEventName, ClientEventResult } from "@canaduck/contract";
import { describeTokenResult } from "./token-text";

type R<E extends ClientEventName> = ClientEventResult<E>;

/** Plain-text feedback for a command's success, shown as a notice; null when the change speaks for itself. */
export function describeCommandResult(event: ClientEventName, data: unknown): string | null {
  switch (event) {
    case "channel:list": {
      const { channels } = data as R<"channel:list">;
      if (channels.length === 0) return "No channels yet: /join #name creates one.";
      return [
        "Channels:",
        ...channels.map(
          (c) =>
            `  ${c.name} (${c.memberCount})${c.inviteOnly ? " [invite-only]" : ""}${c.topic ? ` — ${c.topic}` : ""}`,
        ),
      ].join("\n");
    }
    case "channel:who": {
      const { members } = data as R<"channel:who">;
      return [
        "Members:",
        ...members.map(
          (m) =>
            `  ${m.role === "owner" ? "~" : m.role === "operator" ? "@" : " "}${m.name}${m.isBot ? " [BOT]" : ""}${m.online ? "" : " (away)"}${m.away === undefined ? "" : ` [away: ${m.away}]`}`,
        ),
      ].join("\n");
    }
    case "channel:topic": {
      const { channel } = data as R<"channel:topic">;
      return channel.topic ? `Topic of ${channel.name}: ${channel.topic}` : `${channel.name} has no topic.`;
    }
    case "channel:ban": {
      const { expiresAt } = data as R<"channel:ban">;
      return expiresAt ? `Banned until ${new Date(expiresAt).toLocaleString()}.` : "Banned.";
    }
    case "channel:invite":
      return "Invitation sent.";
    case "channel:unban":
      return "Ban lifted.";
    case "audit:log": {
      const { entries } = data as R<"audit:log">;
      return [
        "Audit log (newest first):",
        ...entries.map((e) =>
          `  ${e.createdAt.slice(0, 19).replace("T", " ")} ${e.action} ${[e.actor, e.channel, e.target].filter(Boolean).join(" ")} ${e.detail}`.trimEnd(),
        ),
      ].join("\n");
    }
    case "history:read": {
      const { messages } = data as R<"history:read">;
      return [
        `History (${messages.length}):`,
        ...messages.map((m) => `  [${m.createdAt.slice(11, 16)}] <${m.author?.name ?? "*"}> ${m.text}`),
      ].join("\n");
    }
    case "server:help":
      return (data as R<"server:help">).lines.join("\n");
    case "session:list": {
      const { sessions } = data as R<"session:list">;
      const when = (iso: string) => iso.slice(0, 16).replace("T", " ");
      return [
        "Your sessions (/revoke id logs one out):",
        ...sessions.map(
          (s) =>
            `  ${s.id.slice(0, 8)}  since ${when(s.createdAt)}, until ${when(s.expiresAt)}${s.current ? "  (this one)" : ""}`,
        ),
      ].join("\n");
    }
    case "session:revoke":
      return "Session logged out.";
    case "user:whois": {
      const w = data as R<"user:whois">;
      const idle = w.idleSeconds === null ? "has said nothing yet" : `idle ${idleText(w.idleSeconds)}`;
      return [
        `${w.user.name}${w.user.isBot ? " [BOT]" : ""}${w.user.isAdmin ? " (server admin)" : ""}: ${w.online ? "online" : "offline"}, ${idle}`,
        ...(w.away === null ? [] : [`  away: ${w.away}`]),
        `  channels in common: ${w.channelsInCommon.length === 0 ? "none" : w.channelsInCommon.join(" ")}`,
      ].join("\n");
    }
    case "user:away": {
      const { away } = data as R<"user:away">;
      return away === null ? "You are back." : `You are away: ${away}`;
    }
    case "user:ignore":
    case "user:unignore": {
      const { ignored } = data as R<"user:ignore">;
      return ignored.length === 0
        ? "You ignore nobody."
        : `Ignoring (their lines are hidden on every device): ${ignored.map((u) => u.name).join(" ")}`;
    }
    case "token:create":
    case "token:list":
    case "token:revoke":
    case "bot:create":
    case "bot:list":
      return describeTokenResult(event, data);
    case "user:nick":
      return `You are now ${(data as R<"user:nick">).user.name}.`;
    default:
      return null;
  }
}

/** 95 → "1m 35s", 7300 → "2h 1m", as irssi writes idle times. */
export function idleText(seconds: number): string {
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m ${s}s`;
  return `${s}s`;
}
