import { Text } from "ink";
import type { Row } from "../lines/segments";

/** One screen row of styled segments; cut at the edge, never wrapped (rows are wrapped beforehand). */
export function RowView({ row }: { row: Row }) {
  return (
    <Text wrap="truncate-end">
      {row.length === 0
        ? " "
        : row.map((s, i) => (
            <Text
              key={i}
              {...(s.color ? { color: s.color } : {})}
              bold={s.bold ?? false}
              dimColor={s.dim ?? false}
              italic={s.italic ?? false}
              inverse={s.inverse ?? false}
              strikethrough={s.strikethrough ?? false}
            >
              {s.text}
            </Text>
          ))}
    </Text>
  );
}
