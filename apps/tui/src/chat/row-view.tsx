import { memo } from "react";
import type { Row } from "../lines/segments";
import { SafeText } from "../safe-text";

/**
 * One screen row of styled segments; cut at the edge, never wrapped (rows are wrapped beforehand).
 * Memoised: a line's rows are the same objects every frame (pane-line.ts), so a key typed or a
 * line arriving redraws only the rows that changed, not the whole pane. `colours` (the theme in
 * force, theme.ts) is passed so a `/set color.…` still redraws every row.
 */
export const RowView = memo(function RowView({ row }: { row: Row; colours?: Readonly<Record<string, string>> }) {
  return (
    <SafeText wrap="truncate-end">
      {row.length === 0
        ? " "
        : row.map((s, i) => (
            <SafeText
              key={i}
              {...(s.color ? { color: s.color } : {})}
              bold={s.bold ?? false}
              dimColor={s.dim ?? false}
              italic={s.italic ?? false}
              inverse={s.inverse ?? false}
              strikethrough={s.strikethrough ?? false}
            >
              {s.text}
            </SafeText>
          ))}
    </SafeText>
  );
});
