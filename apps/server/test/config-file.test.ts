import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config";
import { repoRoot } from "../src/paths";

/** A fresh working directory holding `canaduck.config.json` with these settings (none: no file). */
function workdir(settings?: Record<string, unknown> | string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "canaduck-config-"));
  if (settings !== undefined) {
    writeFileSync(
      path.join(dir, "canaduck.config.json"),
      typeof settings === "string" ? settings : JSON.stringify(settings),
    );
  }
  return dir;
}

describe("canaduck.config.json", () => {
  it("sets what the environment does not, over the defaults; the environment wins", () => {
    const dir = workdir({ PORT: 4100, HOST: "0.0.0.0", RATE_LIMITS: "off", LOG_LEVEL: "warn", SESSION_TTL_HOURS: 2 });
    const config = loadConfig({ PORT: "5000" }, dir);
    expect(config.port).toBe(5000); // environment > file
    expect(config.host).toBe("0.0.0.0"); // file > default
    expect(config.logLevel).toBe("warn");
    expect(config.sessionTtlMs).toBe(2 * 3600 * 1000);
    expect(config.security.rateLimits.sendPerUser).toBeNull();
    expect(config.shutdownGraceMs).toBe(10_000); // neither: the default
  });

  it("takes booleans and numbers as the environment would spell them", () => {
    const config = loadConfig({}, workdir({ TRUST_PROXY: true, MAX_CHANNELS_PER_USER: 7 }));
    expect(config.security.trustProxy).toBe(1);
    expect(config.security.maxChannelsPerUser).toBe(7);
  });

  it("is read from CANADUCK_CONFIG when set, relative to the working directory", () => {
    const dir = workdir();
    writeFileSync(path.join(dir, "prod.json"), JSON.stringify({ PORT: 4200 }));
    expect(loadConfig({ CANADUCK_CONFIG: "prod.json" }, dir).port).toBe(4200);
    expect(() => loadConfig({ CANADUCK_CONFIG: "missing.json" }, dir)).toThrow(
      /CANADUCK_CONFIG names .*missing\.json, which does not exist/,
    );
  });

  it("may be absent: the environment and the defaults apply", () => {
    const config = loadConfig({ HOST: "::1" }, workdir());
    expect(config.host).toBe("::1");
    expect(config.port).toBe(3000);
  });

  it("stops the start on an unknown key, naming it and the file", () => {
    const dir = workdir({ PORT: 3000, PROT: 3001 });
    expect(() => loadConfig({}, dir)).toThrow(
      `Invalid configuration file ${path.join(dir, "canaduck.config.json")}: unknown key PROT`,
    );
  });

  it("stops the start on a bad value, naming the key and the file", () => {
    const dir = workdir({ PORT: "not a port" });
    expect(() => loadConfig({}, dir)).toThrow(`PORT (in ${path.join(dir, "canaduck.config.json")}): `);
    expect(() => loadConfig({}, workdir({ RATE_LIMITS: "sometimes" }))).toThrow(
      /RATE_LIMITS \(in .*canaduck\.config\.json\): /,
    );
    expect(() => loadConfig({}, workdir({ PORT: [3000] }))).toThrow(
      /canaduck\.config\.json: PORT must be a string, a number or a boolean/,
    );
    expect(() => loadConfig({}, workdir("{ PORT: 3000 }"))).toThrow(
      /Invalid configuration file .*canaduck\.config\.json: /,
    );
    // A bad value in the environment is the environment's, even when the file has the key.
    expect(() => loadConfig({ PORT: "x" }, workdir({ PORT: 3000 }))).toThrow(/^Invalid configuration:\n {2}PORT: /);
  });

  it("matches the example shipped at the repository's root", () => {
    const config = loadConfig({ CANADUCK_CONFIG: path.join(repoRoot, "canaduck.config.example.json") }, workdir());
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toMatch(/^file:/);
  });
});
