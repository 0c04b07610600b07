import type { Row } from "../lines/segments";
import { SafeText } from "../safe-text";

/** One screen row of styled segments; cut at the edge, never wrapped (rows are wrapped beforehand). */
export function RowView({ row }: { row: Row }) {
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
}
