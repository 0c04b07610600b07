import { activeChannel, memberListKey } from "@canaduck/client";
import type { MemberView } from "@canaduck/contract";
import { useEffect, useMemo, useState } from "react";
import { useChat, useChatState } from "../lib/chat-context";
import { Avatar } from "./avatar";
import { BotBadge } from "./bot-badge";
import { ModerationDialog, type ModerationAction } from "./moderation-dialog";

const roleLabel = { owner: "Owner", operator: "Operator", member: "Member" } as const;
const rank = { owner: 0, operator: 1, member: 2 } as const;

/** The open channel's members with roles and who is online; operators get moderation actions. */
export function MemberPanel({ onOpenDirect, onClose }: { onOpenDirect: (nick: string) => void; onClose: () => void }) {
  const { client } = useChat();
  const channel = useChatState(activeChannel);
  const me = useChatState((s) => s.me);
  const [expanded, setExpanded] = useState<string | null>(null);
  const [moderating, setModerating] = useState<{ action: ModerationAction; member: MemberView } | null>(null);
  const channelId = channel?.view.id ?? null;
  const reloadKey = useChatState(memberListKey);

  useEffect(() => {
    if (reloadKey !== null && channelId) void client.loadMembers(channelId);
  }, [client, channelId, reloadKey]);

  const members = useMemo(
    () =>
      [...(channel?.members ?? [])].sort(
        (a, b) => Number(b.online) - Number(a.online) || rank[a.role] - rank[b.role] || a.name.localeCompare(b.name),
      ),
    [channel?.members],
  );
  if (!channel || channel.view.kind !== "channel" || !me) return null;
  const myRole = channel.view.role;
  const canModerate = (m: MemberView) =>
    m.id !== me.id && (myRole === "owner" || (myRole === "operator" && m.role === "member"));
  const online = members.filter((m) => m.online).length;

  return (
    <aside className="members" id="member-panel" aria-label={`Members of ${channel.view.name}`}>
      <div className="members-head">
        <h2>
          Members <span className="muted">{channel.members ? `${online} online` : ""}</span>
        </h2>
        <button type="button" className="icon-button" aria-label="Hide members" onClick={onClose}>
          ✕
        </button>
      </div>
      {channel.members === null ? (
        <p className="muted members-loading">Loading…</p>
      ) : (
        <ul className="member-list">
          {members.map((m) => {
            const open = expanded === m.id;
            const isMe = m.id === me.id;
            return (
              <li key={m.id} className={m.online ? "member" : "member away"}>
                <button
                  type="button"
                  className="member-button"
                  aria-expanded={open}
                  onClick={() => setExpanded(open ? null : m.id)}
                >
                  <Avatar name={m.name} online={m.online} />
                  <span className="member-name">
                    {m.name}
                    {isMe && <span className="muted"> (you)</span>}
                    {m.away !== undefined && (
                      <span className="member-away" title={m.away === "" ? "Away" : `Away: ${m.away}`}>
                        Away{m.away === "" ? "" : `: ${m.away}`}
                      </span>
                    )}
                  </span>
                  {m.isBot && <BotBadge />}
                  <span className="visually-hidden">, {m.online ? "online" : "offline"}</span>
                  {m.role !== "member" && <span className={`role role-${m.role}`}>{roleLabel[m.role]}</span>}
                  {m.isAdmin && <span className="role role-admin">Admin</span>}
                </button>
                {open && (
                  <div className="member-actions" role="group" aria-label={`Actions for ${m.name}`}>
                    {!isMe && (
                      <button type="button" className="button subtle" onClick={() => onOpenDirect(m.name)}>
                        Message
                      </button>
                    )}
                    {canModerate(m) && (
                      <>
                        {m.role === "member" ? (
                          <button
                            type="button"
                            className="button subtle"
                            onClick={() => setModerating({ action: "op", member: m })}
                          >
                            Make operator
                          </button>
                        ) : (
                          m.role === "operator" && (
                            <button
                              type="button"
                              className="button subtle"
                              onClick={() => setModerating({ action: "deop", member: m })}
                            >
                              Remove operator
                            </button>
                          )
                        )}
                        <button
                          type="button"
                          className="button subtle danger"
                          onClick={() => setModerating({ action: "kick", member: m })}
                        >
                          Kick…
                        </button>
                        <button
                          type="button"
                          className="button subtle danger"
                          onClick={() => setModerating({ action: "ban", member: m })}
                        >
                          Ban…
                        </button>
                      </>
                    )}
                    {isMe && <span className="muted">This is you.</span>}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {moderating && (
        <ModerationDialog
          channel={channel.view.name}
          action={moderating.action}
          nick={moderating.member.name}
          onDone={() => {
            setModerating(null);
            setExpanded(null);
          }}
        />
      )}
    </aside>
  );
}
