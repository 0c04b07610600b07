import { Box } from "ink";
import stringWidth from "string-width";
import { inputWindow } from "../input/input-window";
import { SafeText } from "../safe-text";

/** The input line: a prompt naming where the text goes, then the text with an inverse-cell cursor. */
export function InputLine({
  prompt,
  value,
  cursor,
  width,
}: {
  prompt: string;
  value: string;
  cursor: number;
  width: number;
}) {
  const shownPrompt = stringWidth(prompt) > width / 2 ? "> " : prompt;
  const { before, at, after } = inputWindow(value, cursor, Math.max(1, width - stringWidth(shownPrompt)));
  return (
    <Box width={width} height={1} overflow="hidden">
      <SafeText wrap="truncate-end">
        <SafeText bold color="cyan">
          {shownPrompt}
        </SafeText>
        {before}
        <SafeText inverse>{at}</SafeText>
        {after}
      </SafeText>
    </Box>
  );
}
