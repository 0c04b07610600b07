import type { ConnectionStatus } from "@canaduck/client";
import { Box } from "ink";
import { SafeText } from "../safe-text";

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
      <SafeText wrap="truncate-end">
        <SafeText color={c.color} bold>{`[${c.text}]`}</SafeText>
        <SafeText>{` [${nick}]`}</SafeText>
        {where ? <SafeText>{` [${where}]`}</SafeText> : null}
        {jumped ? (
          <SafeText color="yellow">{" [older lines: End or Esc for the newest]"}</SafeText>
        ) : scrolled > 0 ? (
          <SafeText color="yellow">{" [more below: PageDown]"}</SafeText>
        ) : null}
        {typing ? <SafeText dimColor>{` ${typing}`}</SafeText> : null}
      </SafeText>
    </Box>
  );
}
