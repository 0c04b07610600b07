import type { Runtime } from "../command";

interface AuditLine {
  action: string;
  actor?: { name: string } | null;
  channel?: { name: string } | null;
  target?: { name: string } | null;
  detail?: string;
}

/** Records a moderation or server event in the audit log, in the command's transaction. */
export async function audit(ctx: Runtime, line: AuditLine): Promise<void> {
  await ctx.tx.audit.insert({
    action: line.action,
    actorName: line.actor?.name ?? null,
    channelName: line.channel?.name ?? null,
    targetName: line.target?.name ?? null,
    detail: line.detail ?? "",
    createdAt: ctx.now,
  });
}
