import type { ChannelRole } from "@canaduck/contract";

/**
 * What a command requires of its actor. Checked once, centrally, by the dispatcher:
 * - anonymous: only before logging in (register, login)
 * - user: any logged-in user; admin: a server admin
 * - viewer: may see the channel: a member, or anyone not banned when it is public
 * - member / operator / owner: at least that role in the channel; admins count as
 *   operators everywhere, so they can moderate any channel.
 * - memberOrAdmin: a member, or a server admin who is not one (deleting a line: members their
 *   own, admins anyone's anywhere); the command checks which line it may touch.
 */
export type Access = "anonymous" | "user" | "admin";
export type ChannelAccess = "viewer" | "member" | "memberOrAdmin" | "operator" | "owner";

const rank: Record<ChannelRole, number> = { member: 1, operator: 2, owner: 3 };

export const roleRank = (role: ChannelRole | null): number => (role === null ? 0 : rank[role]);

export const meetsRole = (role: ChannelRole | null, isAdmin: boolean, needed: ChannelRole): boolean =>
  roleRank(role) >= rank[needed] || (isAdmin && rank[needed] <= rank.operator);
