// Loaded on demand (import()) the first time someone opens the full picker: emoji-mart and its
// data are several hundred KB, which the first page load should not fetch.
import data from "@emoji-mart/data";
import { Picker } from "emoji-mart";

/**
 * Mounts emoji-mart's vanilla picker (a custom element; its React wrapper wants React ≤ 18) in
 * `host`. The data is bundled and the set is the system's own emoji, so nothing is fetched from
 * elsewhere and the server's Content-Security-Policy needs no change. Returns the unmount.
 */
export function mountEmojiPicker(host: HTMLElement, onPick: (emoji: string) => void): () => void {
  const picker = new Picker({
    data,
    set: "native",
    theme: "auto",
    autoFocus: true,
    previewPosition: "none",
    skinTonePosition: "search",
    onEmojiSelect: (emoji: { native?: string }) => {
      if (emoji.native) onPick(emoji.native);
    },
  }) as unknown as HTMLElement;
  host.replaceChildren(picker);
  return () => host.replaceChildren();
}
