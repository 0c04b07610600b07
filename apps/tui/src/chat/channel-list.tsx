import { Box } from "ink";
import { SafeText } from "../safe-text";
import type { WindowEntry } from "./window-list";

/**
 * The numbered window list, irssi's hotlist colours: a highlight or a private line marked and
 * yellow, other lines bold, joins and parts dim; a window the user was put out of marked `-`.
 */
export function ChannelList({
  windows,
  activeId,
  width,
  height,
}: {
  windows: readonly WindowEntry[];
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
        const hot = w.activity === "highlight" || w.activity === "private";
        const mark = w.parted ? "-" : hot ? "!" : " ";
        const style = hot
          ? { color: "yellow", bold: true }
          : w.activity === "message"
            ? { bold: true }
            : w.activity === "event" || w.parted
              ? { dimColor: true }
              : {};
        return (
          <Box key={w.id} width={width - 1}>
            <SafeText inverse={active} wrap="truncate-end" {...(active ? {} : style)}>
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
