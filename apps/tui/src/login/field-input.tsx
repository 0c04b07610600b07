import { Box } from "ink";
import { inputWindow } from "../input/input-window";
import type { EditorState } from "../input/line-editor";
import { SafeText } from "../safe-text";

/** A labelled one-line field; a masked one shows a star per character and nothing of the text. */
export function FieldInput({
  label,
  field,
  focused,
  width,
  masked = false,
}: {
  label: string;
  field: EditorState;
  focused: boolean;
  width: number;
  masked?: boolean;
}) {
  const shown = masked ? "*".repeat([...field.value].length) : field.value;
  const cursor = masked ? [...field.value.slice(0, field.cursor)].length : field.cursor;
  const { before, at, after } = inputWindow(shown, cursor, width);
  return (
    <Box>
      <SafeText bold={focused}>{label}</SafeText>
      <SafeText wrap="truncate-end">
        {before}
        {focused ? <SafeText inverse>{at}</SafeText> : at}
        {after}
      </SafeText>
    </Box>
  );
}
