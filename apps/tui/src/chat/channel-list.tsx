import { Box } from "ink";
import type { ConversationEntry } from "@canaduck/client";
import { SafeText } from "../safe-text";

/** The numbered channel and conversation list, with unread counts and a mark for mentions and private lines. */
export function ChannelList({
  windows,
  activeId,
  width,
  height,
}: {
  windows: readonly ConversationEntry[];
  activeId: string | null;
  width: number;
  height: number;
}) {
  return (
    <Box
      flexDirection="column"
      width={width}
      height={height}
      borderStyle="single"
      borderTop={false}
      borderBottom={false}
      borderLeft={false}
      overflow="hidden"
    >
      <SafeText bold wrap="truncate-end">
        Windows
      </SafeText>
      {windows.length === 0 ? <SafeText dimColor>(none)</SafeText> : null}
      {windows.map((w) => {
        const active = w.id === activeId;
        // A private line is for you as much as a mention is.
        const direct = w.kind === "direct";
        const hot = w.mentions > 0 || (direct && w.unread > 0);
        const mark = hot ? "!" : " ";
        return (
          <Box key={w.id} width={width - 1}>
            <SafeText
              inverse={active}
              wrap="truncate-end"
              {...(hot ? { color: "yellow", bold: true } : w.unread > 0 ? { bold: true } : {})}
            >
              {`${String(w.number).padStart(2)}${mark}${direct ? "@" : ""}${w.name}`}
            </SafeText>
            <Box flexGrow={1} />
            {w.unread > 0 && !active ? (
              <SafeText color={hot ? "yellow" : "cyan"}>{` ${w.unread > 99 ? "99+" : w.unread}`}</SafeText>
            ) : null}
          </Box>
        );
      })}
    </Box>
  );
}
