import type { MemberView } from "@canaduck/contract";
import { Box } from "ink";
import { nickColor } from "../lines/nick-color";
import { sanitize } from "../lines/sanitize";
import { SafeText } from "../safe-text";

const rank = { owner: 0, operator: 1, member: 2 } as const;
const sigil = { owner: "~", operator: "@", member: " " } as const;

/** Owners and operators first, then by name; who is away is dimmed. */
export const sortMembers = (members: readonly MemberView[]): MemberView[] =>
  [...members].sort((a, b) => rank[a.role] - rank[b.role] || a.name.toLowerCase().localeCompare(b.name.toLowerCase()));

/** The first member shown, kept so the list's last page is full: `top` as asked, within bounds. */
export const memberListTop = (top: number, count: number, height: number): number =>
  Math.max(0, Math.min(top, count - Math.max(1, height - 1)));

export function MemberList({
  members,
  width,
  height,
  top = 0,
}: {
  members: readonly MemberView[] | null;
  width: number;
  height: number;
  /** Members scrolled past (Alt+Down), for a list longer than the pane. */
  top?: number;
}) {
  const sorted = members ? sortMembers(members) : [];
  const online = sorted.filter((m) => m.online).length;
  const rows = Math.max(0, height - 1);
  const first = memberListTop(top, sorted.length, height);
  const more = sorted.length > rows;
  // Where the list stands, when it does not fit: "12-30/40".
  const place = more ? ` ${first + 1}-${Math.min(sorted.length, first + rows)}` : "";
  return (
    <Box
      flexDirection="column"
      width={width}
      height={height}
      borderStyle="single"
      borderTop={false}
      borderBottom={false}
      borderRight={false}
      overflow="hidden"
    >
      <SafeText bold wrap="truncate-end">
        {members ? `Members ${online}/${sorted.length}${place}` : "Members"}
      </SafeText>
      {members === null ? <SafeText dimColor>loading…</SafeText> : null}
      {sorted.slice(first, first + rows).map((m) => (
        <SafeText
          key={m.id}
          wrap="truncate-end"
          dimColor={!m.online}
          {...(m.online ? { color: nickColor(m.name) } : {})}
        >
          {`${sigil[m.role]}${sanitize(m.name)}${m.isBot ? " BOT" : ""}`}
        </SafeText>
      ))}
    </Box>
  );
}
