import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { createServer, type ChatServerHandle } from "../../src/create-server";
import { createLogger } from "../../src/logger";
import { call } from "../harness";
import { emitRaw, rawConnect } from "./attack-kit";

/** A server logging everything, down to trace, into a string. */
async function loggedServer(): Promise<{ handle: ChatServerHandle; log: () => string; dir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "canaduck-secrets-"));
  let text = "";
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: `file:${path.join(dir, "chat.db")}`,
    WEB_DIST: path.join(dir, "no-web"),
  });
  const handle = await createServer(config, createLogger("trace", sink));
  return { handle, log: () => text, dir };
}

describe("nothing secret in logs or answers", () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(() => cleanup?.());

  it("never writes a token, a password or a password hash, whatever happens", async () => {
    const { handle, log, dir } = await loggedServer();
    cleanup = async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    };
    const password = "Tr0ub4dor&3-horse-staple";
    const anon = await rawConnect(handle.url);
    const grant = await call(anon, "auth:register", { name: "alice", password });
    if (!grant.ok) throw new Error(grant.error.code);
    const { token } = grant.data;
    // The answer to a login is the grant and nothing more: no password, no hash.
    expect(Object.keys(grant.data).sort()).toEqual(["expiresAt", "token", "user"]);
    expect(Object.keys(grant.data.user).sort()).toEqual(["id", "isAdmin", "name"]);
    expect(JSON.stringify(grant)).not.toMatch(/argon2|Tr0ub4dor/);

    // Every path that might log: handshakes good and bad, refused and malformed commands, logins good and bad.
    const second = await rawConnect(handle.url);
    expect(await call(second, "auth:login", { name: "alice", password: `${password}-wrong` })).toMatchObject({
      ok: false,
    });
    const relogin = await call(second, "auth:login", { name: "alice", password });
    await expect(rawConnect(handle.url, { auth: { token: `${token}x` } })).rejects.toThrow();
    const withToken = await rawConnect(handle.url, { auth: { token } });
    await emitRaw(withToken, "auth:login", { name: "alice", password });
    await emitRaw(withToken, "auth:register", { password, token });
    await emitRaw(withToken, "no:such-event", { password, token });
    await emitRaw(withToken, "session:revoke", { sessionId: token });
    const listed = await call(withToken, "session:list", {});
    expect(listed.ok ? listed.data.sessions.length : listed.error).toBe(2);
    expect(JSON.stringify(listed)).not.toContain(token);
    await call(withToken, "auth:logout", {});
    await handle.close(); // its last lines (disconnects, shutdown) are written before the log is read

    const text = log();
    expect(text).toContain("CanaDuck stopped"); // the log did capture the session, to its end
    expect(text).not.toContain(token);
    expect(text).not.toContain(relogin.ok ? relogin.data.token : "unreachable");
    expect(text).not.toContain(password);
    expect(text).not.toMatch(/\$argon2/);
  });
});
