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

export function MemberList({
  members,
  width,
  height,
}: {
  members: readonly MemberView[] | null;
  width: number;
  height: number;
}) {
  const sorted = members ? sortMembers(members) : [];
  const online = sorted.filter((m) => m.online).length;
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
        {members ? `Members ${online}/${sorted.length}` : "Members"}
      </SafeText>
      {members === null ? <SafeText dimColor>loading…</SafeText> : null}
      {sorted.slice(0, Math.max(0, height - 1)).map((m) => (
        <SafeText
          key={m.id}
          wrap="truncate-end"
          dimColor={!m.online}
          {...(m.online ? { color: nickColor(m.name) } : {})}
        >
          {`${sigil[m.role]}${sanitize(m.name)}`}
        </SafeText>
      ))}
    </Box>
  );
}
