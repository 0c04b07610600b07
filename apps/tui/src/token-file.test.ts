import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { fileTokenStore, SESSIONS_FILE } from "./token-file";

describe("the saved login", () => {
  const base = mkdtempSync(path.join(tmpdir(), "canaduck-tui-"));
  const dir = path.join(base, "canaduck");
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it("is kept for the next start, readable by its owner only", () => {
    fileTokenStore(dir, "http://localhost:3000").save("secret-token");
    expect(fileTokenStore(dir, "http://localhost:3000/").load()).toBe("secret-token");
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dir, SESSIONS_FILE)).mode & 0o777).toBe(0o600);
  });

  it("is kept per server, and forgetting one leaves the others", () => {
    const home = fileTokenStore(dir, "http://localhost:3000");
    const work = fileTokenStore(dir, "https://chat.example.org");
    home.save("home-token");
    work.save("work-token");
    home.clear();
    expect(fileTokenStore(dir, "http://localhost:3000").load()).toBeNull();
    expect(fileTokenStore(dir, "https://chat.example.org").load()).toBe("work-token");
    expect(readFileSync(path.join(dir, SESSIONS_FILE), "utf8")).not.toContain("home-token");
  });

  it("starts logged out when the file is missing or damaged", () => {
    expect(fileTokenStore(dir, "http://localhost:3000").load()).toBeNull();
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, SESSIONS_FILE), '{"http://localhost:3000": "half a tok');
    expect(fileTokenStore(dir, "http://localhost:3000").load()).toBeNull();
    // A damaged file is replaced by the next login, not a reason to fail it.
    fileTokenStore(dir, "http://localhost:3000").save("fresh-token");
    expect(fileTokenStore(dir, "http://localhost:3000").load()).toBe("fresh-token");
  });
});
