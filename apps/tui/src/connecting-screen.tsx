import type { ChatState } from "@canaduck/client";
import { Box } from "ink";
import { useKeys } from "./hooks/use-keys";
import { SafeText } from "./safe-text";

/** While a saved session logs in by itself. */
export function ConnectingScreen({
  url,
  status,
  onQuit,
}: {
  url: string;
  status: ChatState["status"];
  onQuit: () => void;
}) {
  useKeys((input, key) => {
    if (key.ctrl && input === "c") onQuit();
  });
  return (
    <Box flexDirection="column" paddingX={1}>
      <SafeText bold>CanaDuck</SafeText>
      <SafeText>
        {status === "reconnecting" ? `Cannot reach ${url}; retrying…` : `Logging in to ${url} with your saved session…`}
      </SafeText>
      <SafeText dimColor>Ctrl+C leaves. Start with --logout to forget the saved login.</SafeText>
    </Box>
  );
}
