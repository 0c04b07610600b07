import { errorLine, type ChannelState, type ChatClient } from "@canaduck/client";
import { SEARCH_WINDOW_ID } from "../search/search-windows";
import type { WindowCommand } from "./window-commands";
import { windowNumbered, type WindowEntry } from "./window-list";

/** What a window command acts on: the windows as listed, the one shown, and how to change them. */
export interface WindowScene {
  client: ChatClient;
  note: (kind: "info" | "error", text: string) => void;
  /** In number order, the results window included while open. */
  windows: readonly WindowEntry[];
  shownId: string | null;
  /** The conversation shown (a parted window's as it was), null for none or the results. */
  channel: ChannelState | null;
  parted: boolean;
  show: (id: string | null) => void;
  closeSearch: () => void;
  move: (id: string, to: number) => void;
  /** Forgets a window's number; a private one stays hidden until a line newer than `hideUntilAfter`. */
  forget: (id: string, hideUntilAfter?: number) => void;
}

/** The window to show once `id` is closed: the one numbered just below it, else the next. */
function neighbourOf(windows: readonly WindowEntry[], id: string): string | null {
  const at = windows.findIndex((w) => w.id === id);
  return windows[at - 1]?.id ?? windows[at + 1]?.id ?? null;
}

/** `/window N`, `/window move N`, `/close` and `/q nick`, irssi's way. */
export function runWindowCommand(command: WindowCommand, scene: WindowScene): void {
  const { client, note, windows, shownId, channel } = scene;
  switch (command.kind) {
    case "usage":
      return note("info", command.text);
    case "query":
      return void client.submit(`/query ${command.nick}`).then((error) => error && note("error", errorLine(error)));
    case "show": {
      const id = windowNumbered(windows, command.number);
      return id === null ? note("info", `There is no window ${command.number}.`) : scene.show(id);
    }
    case "move":
      if (shownId === null || shownId === SEARCH_WINDOW_ID) return note("info", "Only a conversation's window moves.");
      return scene.move(shownId, command.to);
    case "close": {
      if (shownId === SEARCH_WINDOW_ID) return scene.closeSearch();
      if (shownId === null || !channel) return note("info", "There is no window to close here.");
      const next = neighbourOf(windows, shownId);
      if (scene.parted) {
        scene.forget(shownId);
        return scene.show(next);
      }
      // Closing a channel's window leaves the channel, as irssi's does; its number is free again.
      if (channel.view.kind === "channel")
        return void client
          .submit(`/part ${channel.target}`)
          .then((error) => (error ? note("error", errorLine(error)) : scene.show(next)));
      // A private window is closed on the server too, so the conversation leaves every device's list
      // until its next line; the local hide covers the moment before direct:closed arrives.
      scene.forget(shownId, channel.view.lastSeq);
      void client.closeDirect(channel.target).then((error) => error && note("error", errorLine(error)));
      return scene.show(next);
    }
  }
}
