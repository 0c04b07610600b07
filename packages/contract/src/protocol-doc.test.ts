import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { ackSchema } from "./ack";
import { commandNames, commandSpecs } from "./commands/command-specs";
import { parseErrorCodes } from "./commands/parse-errors";
import { errorCodes } from "./error-codes";
import { clientEventNames, clientEvents } from "./events/client-events";
import { serverEventNames, serverEvents } from "./events/server-events";
import { handshakeRefusalSchema, handshakeSchema } from "./handshake";
import { messageSchema } from "./models";
import { PROTOCOL_VERSION } from "./protocol-version";

const doc = readFileSync(fileURLToPath(new URL("../../../docs/protocol.md", import.meta.url)), "utf8");

/** The text under a `## title` heading, up to the next `## ` heading. */
function part(title: string): string {
  const start = doc.indexOf(`\n## ${title}\n`);
  if (start === -1) throw new Error(`docs/protocol.md has no "## ${title}" section`);
  const end = doc.indexOf("\n## ", start + 1);
  return doc.slice(start, end === -1 ? undefined : end);
}

/** The text under the `### \`name\`` heading within `text`, up to the next heading. */
function eventSection(text: string, name: string): string {
  const heading = `\n### \`${name}\`\n`;
  const start = text.indexOf(heading);
  if (start === -1) throw new Error(`no "### \`${name}\`" heading`);
  const end = text.indexOf("\n#", start + heading.length);
  return text.slice(start, end === -1 ? undefined : end);
}

const jsonBlocks = (text: string): unknown[] =>
  Array.from(text.matchAll(/```json\n([\s\S]*?)```/g), (match) => JSON.parse(match[1] ?? "") as unknown);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const mentions = (text: string, name: string) =>
  new RegExp(`(^#+ .*${escapeRegExp(name)})|(\`${escapeRegExp(name)}\`)`, "m").test(text);

function expectValid(schema: z.ZodType, example: unknown) {
  const result = schema.safeParse(example);
  expect(result.success ? [] : result.error.issues, JSON.stringify(example)).toEqual([]);
}

describe("docs/protocol.md", () => {
  it.each([...clientEventNames, ...serverEventNames])("mentions %s as a heading or code span", (name) => {
    expect(mentions(doc, name)).toBe(true);
  });

  it.each(clientEventNames)("documents client event %s with a valid payload and ack example", (name) => {
    const [payload, ...acks] = jsonBlocks(eventSection(part("Client events"), name));
    expectValid(clientEvents[name].payload, payload);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) expectValid(ackSchema(clientEvents[name].result), ack);
  });

  it.each(serverEventNames)("documents server event %s with a valid payload example", (name) => {
    const payloads = jsonBlocks(eventSection(part("Server events"), name));
    expect(payloads.length).toBeGreaterThan(0);
    for (const payload of payloads) expectValid(serverEvents[name].payload, payload);
  });

  it("gives the protocol version and valid handshake and refusal examples", () => {
    const section = part("Protocol version and handshake");
    expect(section).toContain(`The protocol version is **${PROTOCOL_VERSION}**`);
    const [auth, refusal] = jsonBlocks(section);
    expectValid(handshakeSchema, auth);
    expectValid(handshakeRefusalSchema, refusal);
    for (const code of handshakeRefusalSchema.shape.code.options) expect(section).toContain(`| \`${code}\``);
  });

  it("gives valid ack and message examples", () => {
    const acks = jsonBlocks(part("Acknowledgements"));
    const messages = jsonBlocks(part("Messages"));
    expect(acks.length).toBeGreaterThan(0);
    expect(messages.length).toBeGreaterThan(0);
    for (const ack of acks) expectValid(ackSchema(z.unknown()), ack);
    for (const message of messages) expectValid(messageSchema, message);
  });

  it.each(errorCodes)("explains error code %s", (code) => {
    expect(part("Error codes")).toMatch(new RegExp(`^\\| \`${code}\` +\\| \\S`, "m"));
  });

  it.each(commandNames)("lists /%s with its usage and event in the slash-command table", (name) => {
    const { usage, event } = commandSpecs[name];
    const row = part("Slash commands")
      .split("\n")
      .find((line) => line.startsWith(`| \`${usage.replaceAll("|", "\\|")}\``));
    expect(row, `no row for ${usage}`).toBeDefined();
    if (event === null) expect(row).toContain("nothing (client)");
    for (const sent of event === null ? [] : typeof event === "string" ? [event] : event)
      expect(row).toContain(`\`${sent}\``);
  });

  it.each(parseErrorCodes)("explains parse error code %s", (code) => {
    expect(part("Slash commands")).toMatch(new RegExp(`^\\| \`${code}\` +\\| \\S`, "m"));
  });
});
