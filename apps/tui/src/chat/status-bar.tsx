import type { ConnectionStatus } from "@canaduck/client";
import { Box, Text } from "ink";

const connection: Record<ConnectionStatus, { text: string; color: string }> = {
  connecting: { text: "connecting…", color: "yellow" },
  online: { text: "online", color: "green" },
  reconnecting: { text: "disconnected, reconnecting…", color: "red" },
  offline: { text: "offline", color: "red" },
};

export interface StatusBarProps {
  status: ConnectionStatus;
  nick: string;
  where: string | null;
  typing: string | null;
  /** Rows scrolled up from the newest, 0 when following. */
  scrolled: number;
  /** Showing the line a jump led to (or the window around it) instead of the newest lines. */
  jumped: boolean;
  width: number;
}

/** The status bar: connection state, nick, current window, who is typing, and whether you scrolled up. */
export function StatusBar({ status, nick, where, typing, scrolled, jumped, width }: StatusBarProps) {
  const c = connection[status];
  return (
    <Box width={width} height={1} overflow="hidden">
      <Text wrap="truncate-end">
        <Text color={c.color} bold>{`[${c.text}]`}</Text>
        <Text>{` [${nick}]`}</Text>
        {where ? <Text>{` [${where}]`}</Text> : null}
        {jumped ? (
          <Text color="yellow">{" [older lines: End or Esc for the newest]"}</Text>
        ) : scrolled > 0 ? (
          <Text color="yellow">{" [more below: PageDown]"}</Text>
        ) : null}
        {typing ? <Text dimColor>{` ${typing}`}</Text> : null}
      </Text>
    </Box>
  );
}
