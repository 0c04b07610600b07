import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../logger";

const secretText = "meet me at the old mill at midnight";

/** One line logged at trace through the server's logger, parsed, and its raw text. */
function logged(write: (logger: ReturnType<typeof createLogger>) => void): {
  line: Record<string, unknown>;
  raw: string;
} {
  let raw = "";
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw += chunk.toString();
      done();
    },
  });
  write(createLogger("trace", sink));
  return { line: JSON.parse(raw) as Record<string, unknown>, raw };
}

/** An error as a database driver throws it: the statement's values in its message, meta and cause. */
function driverError(): Error {
  const error = Object.assign(new Error(`Invalid invocation: { values: ["${secretText}"] }`), {
    code: "P2010",
    meta: { values: [secretText] },
    detail: `Key (text)=(${secretText}) already exists.`,
    cause: Object.assign(new Error(secretText), { code: "SQLITE_CONSTRAINT" }),
  });
  return error;
}

describe("errors in the log", () => {
  it("keep their kind, code and frames, and lose their message and every other property", () => {
    const { line, raw } = logged((logger) => logger.warn({ err: driverError() }, "a batch of sends failed"));
    expect(raw).not.toContain("old mill");
    expect(line).toMatchObject({
      msg: "a batch of sends failed",
      err: { type: "Error", code: "P2010", cause: { type: "Error", code: "SQLITE_CONSTRAINT" } },
    });
    const err = line.err as { stack: string };
    expect(err.stack.split("\n").every((frame) => /^ +at /.test(frame))).toBe(true);
    expect(err.stack).toContain("log-redaction.test.ts");
  });

  it("does not let an error's message become the line's when no words are given", () => {
    for (const write of [
      (logger: ReturnType<typeof createLogger>) => logger.error(driverError()),
      (logger: ReturnType<typeof createLogger>) => logger.error({ err: driverError() }),
    ]) {
      const { line, raw } = logged(write);
      expect(raw).not.toContain("old mill");
      expect(line).toMatchObject({ msg: "an error occurred", err: { type: "Error", code: "P2010" } });
    }
  });

  it("logs only the type of a thrown value that is not an error, and errors gathered in an AggregateError", () => {
    const rejected = logged((logger) => logger.fatal({ err: secretText }, "unhandled promise rejection"));
    expect(rejected.raw).not.toContain("old mill");
    expect(rejected.line).toMatchObject({ err: { type: "string" } });
    const aggregate = logged((logger) =>
      logger.error({ err: new AggregateError([driverError(), new TypeError(secretText)], secretText) }, "both failed"),
    );
    expect(aggregate.raw).not.toContain("old mill");
    expect(aggregate.line).toMatchObject({
      err: { type: "AggregateError", errors: [{ code: "P2010" }, { type: "TypeError" }] },
    });
  });

  it("drops a text or a payload logged beside the error", () => {
    const { raw } = logged((logger) =>
      logger.info({ payload: { text: secretText }, event: { text: secretText, topic: secretText } }, "command"),
    );
    expect(raw).not.toContain("old mill");
    expect(raw).toContain("command");
  });

  it("still scrubs a password hash, wherever a driver put it", () => {
    const hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo";
    const { raw } = logged((logger) => logger.error({ err: new Error(`insert failed: ${hash}`) }, "register failed"));
    expect(raw).not.toContain("argon2");
  });
});
