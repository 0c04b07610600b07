import { Box } from "ink";
import { RowView } from "../chat/row-view";
import type { Row } from "../lines/segments";
import { currentColours } from "../theme";

/** The results window's rows from `top`, drawn from the top of the pane down (newest result first). */
export function SearchPane({
  rows,
  top,
  width,
  height,
}: {
  rows: readonly Row[];
  top: number;
  width: number;
  height: number;
}) {
  const colours = currentColours();
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {rows.slice(top, top + height).map((row, i) => (
        <RowView key={i} row={row} colours={colours} />
      ))}
    </Box>
  );
}
