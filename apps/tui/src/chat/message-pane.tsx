import { Box } from "ink";
import type { Row } from "../lines/segments";
import { currentColours } from "../theme";
import { RowView } from "./row-view";

/**
 * The visible slice of the pane's rows, bottom-aligned like a terminal. Not clipped: the rows are
 * at most `height` (the caller slices them) and each is cut at the pane's edge (RowView), and a
 * clip costs Ink a slice of every row on every frame, the most of its drawing under a flood.
 */
export function MessagePane({ rows, width, height }: { rows: readonly Row[]; width: number; height: number }) {
  const colours = currentColours();
  return (
    <Box flexDirection="column" width={width} height={height} justifyContent="flex-end">
      {rows.map((row, i) => (
        <RowView key={i} row={row} colours={colours} />
      ))}
    </Box>
  );
}
