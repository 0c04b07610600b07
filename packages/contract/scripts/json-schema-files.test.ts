import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { clientEventNames } from "../src/events/client-events";
import { serverEventNames } from "../src/events/server-events";
import { jsonSchemaDocuments } from "../src/json-schemas";
import { findSchemaFileProblems, schemasDir, writeSchemaFiles } from "./json-schema-files";

describe("committed JSON Schemas", () => {
  it("match what the zod schemas generate (run `npm run schemas` in packages/contract if not)", () => {
    expect(findSchemaFileProblems(schemasDir)).toEqual([]);
  });

  it("cover every client event, every server event and the handshake", () => {
    const paths = jsonSchemaDocuments().map((document) => document.path);
    for (const event of clientEventNames) expect(paths).toContain(`client/${event.replace(":", ".")}.json`);
    for (const event of serverEventNames) expect(paths).toContain(`server/${event.replace(":", ".")}.json`);
    expect(paths).toContain("handshake.json");
  });

  it("hold the payload and ack schemas of a client event", () => {
    const sendMessage: unknown = JSON.parse(readFileSync(join(schemasDir, "client/message.send.json"), "utf8"));
    expect(sendMessage).toMatchObject({
      event: "message:send",
      payload: { type: "object", required: ["target", "text"] },
      ack: { oneOf: [{ properties: { ok: { const: true } } }, { properties: { ok: { const: false } } }] },
    });
  });
});

describe("findSchemaFileProblems", () => {
  const dirs: string[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "canaduck-schemas-"));
    dirs.push(dir);
    writeSchemaFiles(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("finds nothing wrong right after writing", () => {
    expect(findSchemaFileProblems(freshDir())).toEqual([]);
  });

  it("reports a changed file as out of date", () => {
    const dir = freshDir();
    const file = join(dir, "client/channel.kick.json");
    const content = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...content, payload: { type: "object" } }));
    expect(findSchemaFileProblems(dir)).toEqual([{ path: "client/channel.kick.json", problem: "out of date" }]);
  });

  it("reports a file that is not JSON as out of date", () => {
    const dir = freshDir();
    writeFileSync(join(dir, "handshake.json"), "{ not json");
    expect(findSchemaFileProblems(dir)).toEqual([{ path: "handshake.json", problem: "out of date" }]);
  });

  it("reports missing files and files no event generates", () => {
    const dir = freshDir();
    rmSync(join(dir, "server/message.new.json"));
    writeFileSync(join(dir, "server/message.edited.json"), "{}");
    expect(findSchemaFileProblems(dir)).toEqual([
      { path: "server/message.edited.json", problem: "no longer generated" },
      { path: "server/message.new.json", problem: "missing" },
    ]);
    writeSchemaFiles(dir);
    expect(findSchemaFileProblems(dir)).toEqual([]);
  });

  it("does not mind reformatting", () => {
    const dir = freshDir();
    const file = join(dir, "client/message.send.json");
    writeFileSync(file, JSON.stringify(JSON.parse(readFileSync(file, "utf8"))));
    expect(findSchemaFileProblems(dir)).toEqual([]);
  });
});
