import { Box } from "ink";
import type { Row } from "../lines/segments";
import { RowView } from "./row-view";

/** The visible slice of the pane's rows, bottom-aligned like a terminal. */
export function MessagePane({ rows, width, height }: { rows: readonly Row[]; width: number; height: number }) {
  return (
    <Box flexDirection="column" width={width} height={height} justifyContent="flex-end" overflow="hidden">
      {rows.map((row, i) => (
        <RowView key={i} row={row} />
      ))}
    </Box>
  );
}
