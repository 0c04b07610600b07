import { describe, expect, it } from "vitest";
import { DEFAULT_URL, loadConfig } from "./config";

describe("the command line", () => {
  it("defaults to the local server and the XDG config directory", () => {
    expect(loadConfig([], { HOME: "/home/ann" })).toEqual({
      kind: "run",
      url: DEFAULT_URL,
      logout: false,
      configDir: "/home/ann/.config/canaduck",
      noColor: false,
      clock: "24",
      clockGiven: false,
      logsDir: "/home/ann/.local/share/canaduck/logs",
    });
    expect(loadConfig([], { HOME: "/home/ann", XDG_CONFIG_HOME: "/cfg" })).toMatchObject({
      configDir: "/cfg/canaduck",
      noColor: false,
    });
  });

  it("takes a server URL, --logout and --help, and refuses what it does not understand", () => {
    expect(loadConfig(["https://chat.example.org", "--logout"], { HOME: "/h" })).toMatchObject({
      url: "https://chat.example.org",
      logout: true,
    });
    expect(loadConfig(["--help"], {})).toEqual({ kind: "help" });
    expect(loadConfig(["ftp://x"], {})).toMatchObject({ kind: "error" });
    expect(loadConfig(["--bogus"], {})).toMatchObject({ kind: "error" });
  });

  it("takes the clock of the timestamps, 24-hour by default", () => {
    expect(loadConfig(["--clock", "12"], { HOME: "/h" })).toMatchObject({ clock: "12", clockGiven: true });
    const bad = loadConfig(["--clock", "13"], { HOME: "/h" });
    expect(bad.kind === "error" && bad.message).toContain("24 or 12");
  });
});
