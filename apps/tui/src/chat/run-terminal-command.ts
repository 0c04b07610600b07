import { activeChannel, hiddenByIgnore, visibleLines, type ChatClient } from "@canaduck/client";
import { isSaid } from "@canaduck/contract";
import { setClock } from "../lines/format-time";
import type { SettingsStore } from "../settings";
import { readText } from "./read-text";
import { setColours } from "../theme";
import { aliasesText, bindingsText, settingsText, withSetting, type TerminalCommand } from "./terminal-commands";

/** What a terminal command acts on. */
export interface TerminalScene {
  client: ChatClient;
  note: (kind: "info" | "error", text: string) => void;
  settings: SettingsStore;
  /** /clear: the shown window's lines and notes so far are no longer drawn. */
  clear: (channelId: string, seq: number) => void;
  /** A setting changed: redraw with it. */
  changed: () => void;
}

const LASTLOG_DEFAULT = 50;

/** The shown window's lines holding every word (any case), the newest `count`, oldest first. */
export function lastlogMatches(
  messages: Parameters<typeof readText>[1],
  words: readonly string[],
  count: number | null,
) {
  const wanted = words.map((w) => w.toLowerCase());
  const found = messages.filter(
    (m) => isSaid(m) && m.deleted !== true && wanted.every((w) => m.text.toLowerCase().includes(w)),
  );
  return found.slice(-(count ?? LASTLOG_DEFAULT));
}

export function runTerminalCommand(command: TerminalCommand, scene: TerminalScene): void {
  const { client, note, settings } = scene;
  const save = (change: Parameters<SettingsStore["update"]>[0], done: string) => {
    const error = settings.update(change);
    scene.changed();
    note(error ? "error" : "info", error ?? done);
  };
  switch (command.kind) {
    case "usage":
      return note("info", command.text);
    case "clear": {
      const channel = activeChannel(client.getState());
      if (!channel) return note("info", "There is no window to clear here.");
      return scene.clear(channel.view.id, channel.messages.at(-1)?.seq ?? channel.cursor);
    }
    case "lastlog": {
      const state = client.getState();
      const channel = activeChannel(state);
      if (!channel) return note("info", "There is no window to search here.");
      const shown = visibleLines(channel).filter((m) => !hiddenByIgnore(state.ignored, m));
      const found = lastlogMatches(shown, command.words, command.count);
      if (found.length === 0)
        return note("info", `No line here holds ${command.words.join(" ")} (/search asks the server).`);
      const text = readText(channel.target, found, state.me?.name ?? null).replace(/^The latest/, "Lastlog:");
      return note("info", text);
    }
    case "alias-list":
      return note("info", aliasesText(settings.get().aliases));
    case "alias":
      return save(
        (s) => ({ ...s, aliases: { ...s.aliases, [command.name]: command.expansion } }),
        `/${command.name} now runs ${command.expansion}`,
      );
    case "unalias": {
      if (!(command.name in settings.get().aliases)) return note("info", `There is no alias /${command.name}.`);
      return save((s) => {
        const { [command.name]: _gone, ...aliases } = s.aliases;
        return { ...s, aliases };
      }, `Alias /${command.name} removed.`);
    }
    case "bind-list":
      return note("info", bindingsText(settings.get().keys));
    case "bind":
      return save(
        (s) => ({ ...s, keys: { ...s.keys, [command.key]: command.line } }),
        `${command.key} now runs ${command.line}`,
      );
    case "unbind": {
      if (!(command.key in (settings.get().keys ?? {}))) return note("info", `${command.key} is not bound.`);
      return save((s) => {
        const { [command.key]: _gone, ...keys } = s.keys ?? {};
        return { ...s, keys };
      }, `${command.key} unbound: it does what it did before.`);
    }
    case "set-list":
      return note(
        "info",
        `Settings: ${settingsText(settings.get())}, previews ${client.getState().settings.linkPreviews ? "on" : "off"} (/set key value changes one)`,
      );
    case "set": {
      // Link previews are the account's setting, kept by the server for every device (the web's too).
      if (command.key === "previews" && (command.value === "on" || command.value === "off")) {
        const linkPreviews = command.value === "on";
        void client.updateSettings({ linkPreviews }).then((error) => {
          scene.changed();
          note(error ? "error" : "info", error ? error.message : `Link previews ${command.value}, on every device.`);
        });
        return;
      }
      const result = withSetting(settings.get(), command.key, command.value);
      if (!result.ok) return note("error", result.text);
      if (result.settings.clock) setClock(result.settings.clock);
      setColours(result.settings.colors ?? {});
      return save(() => result.settings, `Set: ${settingsText(result.settings)}`);
    }
  }
}
