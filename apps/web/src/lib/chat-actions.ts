/**
 * What the conversation views ask of the chat screen that holds them. It lives below both, so
 * the screen imports its views and the views import only this.
 */
export interface ChatActions {
  /** Opens a direct conversation with a nick: the existing one, or a draft that starts with the first message. */
  openDirect: (nick: string) => void;
  openBrowser: () => void;
  select: (channelId: string) => void;
  /** Opens the search panel; with text, searches it at once (`/search words`). */
  openSearch: (query?: string) => void;
  /** Opens the settings panel. */
  openSettings: () => void;
}
