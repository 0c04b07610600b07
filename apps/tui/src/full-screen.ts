/**
 * Switch to the terminal's alternate screen, as full-screen programs (less, vim, irssi) do, with
 * bracketed paste on: a paste arrives marked, so its line breaks are not Enters.
 */
const ENTER = "\u001b[?1049h\u001b[H\u001b[?2004h";
/** Back to the normal screen, with the cursor shown, attributes reset and bracketed paste off. */
const LEAVE = "\u001b[?2004l\u001b[?25h\u001b[0m\u001b[?1049l";

/**
 * Takes over the terminal and returns the function that gives it back as it was: the normal
 * screen with its scrollback, the cursor visible, the keyboard out of raw mode. Safe to call
 * more than once, and it runs on any exit, so a crash does not leave the terminal unusable.
 */
export function enterFullScreen(stdout: NodeJS.WriteStream, stdin: NodeJS.ReadStream): () => void {
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    process.off("exit", restore);
    if (stdin.isTTY) stdin.setRawMode(false);
    stdout.write(LEAVE);
  };
  stdout.write(ENTER);
  process.on("exit", restore);
  return restore;
}
