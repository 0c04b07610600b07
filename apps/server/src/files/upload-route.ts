import { nickSchema, type ChatError } from "@canaduck/contract";
import { abandonUpload, DomainError, quotaRefusal, recordUpload, uploadAllowance } from "@canaduck/domain";
import type { HttpBindings } from "@hono/node-server";
import type { Context } from "hono";
import { z } from "zod";
import { actorOf } from "../http-api/bearer";
import { problemResponse } from "../http-api/problem";
import { channelOf, channelParam } from "../http-api/route-spec";
import { runRoute } from "../http-api/run-route";
import { timeOrderedId } from "../time-ordered-id";
import { cleanFileName } from "./file-name";
import type { FileRouteDeps } from "./file-routes-deps";
import { fileKeys } from "./file-store";
import { inspectUpload } from "./inspect-upload";
import { readUpload } from "./read-upload";

type Env = { Bindings: HttpBindings };

/** The conversations a file can be uploaded to, as the message routes name them. */
export const uploadPaths = [
  { path: "/channels/{channel}/files", params: z.strictObject({ channel: channelParam }) },
  { path: "/direct/{nick}/files", params: z.strictObject({ nick: nickSchema }) },
] as const;

export const uploadQuery = z.strictObject({
  name: z
    .string()
    .max(1000)
    .optional()
    .meta({ description: "The file's name, shown as text (never used for its type)." }),
});

const refusal = (error: unknown): ChatError | null =>
  error instanceof DomainError ? { code: error.code, message: error.message } : null;

const tooLarge = (maxBytes: number): Response =>
  problemResponse({ code: "FILE_TOO_LARGE", message: `Files may be at most ${maxBytes} bytes.` });

/**
 * POST …/files: the body is the file's bytes. Read with a size limit, typed from its bytes, an
 * image stripped of metadata and given a thumbnail, then shared by a line posted through the
 * same command path as any message:send (membership, bans and rate limits are checked there);
 * a refused line takes its file with it.
 */
export function uploadHandler(deps: FileRouteDeps) {
  const { maxBytes, quotaBytes } = deps.files;
  const quota = { bytes: quotaBytes };
  return async (c: Context<Env>): Promise<Response> => {
    const actor = await actorOf(deps.reads, c.req.header("authorization"));
    if ("code" in actor) return problemResponse(actor);
    const query = uploadQuery.safeParse(c.req.query());
    if (!query.success)
      return problemResponse({ code: "INVALID_PAYLOAD", message: "Invalid query: name is at most 1000 characters." });
    const channel = c.req.param("channel");
    const target = channel === undefined ? (c.req.param("nick") ?? "") : channelOf(channel);
    const declared = Number(c.req.header("content-length") ?? "0");
    if (declared > maxBytes) return tooLarge(maxBytes);
    try {
      if ((await uploadAllowance(deps.domain, actor, quota)) < Math.max(1, declared)) quotaRefusal(quota);
    } catch (error) {
      const refused = refusal(error);
      if (refused) return problemResponse(refused);
      throw error;
    }
    const body = await readUpload(c.req.raw.body, maxBytes);
    if (body === "too-large") return tooLarge(maxBytes);
    if (body.byteLength === 0) return problemResponse({ code: "INVALID_PAYLOAD", message: "The file is empty." });

    const inspected = await inspectUpload(body);
    const id = timeOrderedId();
    const keys = fileKeys(id);
    const name = cleanFileName(query.data.name);
    await deps.fileStore.put(keys.original, inspected.bytes);
    if (inspected.thumbnail) await deps.fileStore.put(keys.thumbnail, inspected.thumbnail);
    const dropBytes = async () => {
      await deps.fileStore.delete(keys.original);
      await deps.fileStore.delete(keys.thumbnail);
    };
    try {
      await recordUpload(
        deps.domain,
        actor,
        {
          id,
          name,
          size: inspected.bytes.byteLength,
          type: inspected.type,
          width: inspected.width,
          height: inspected.height,
          hasThumbnail: inspected.thumbnail !== null,
        },
        quota,
      );
    } catch (error) {
      await dropBytes();
      const refused = refusal(error);
      if (refused) return problemResponse(refused);
      throw error;
    }
    const payload = { target, text: name, attachment: id };
    const outcome = await runRoute(deps, actor, deps.addressOf(c.env.incoming), "message:send", payload);
    if (!outcome.ack.ok) {
      await abandonUpload(deps.domain, id);
      await dropBytes();
      return problemResponse(outcome.ack.error);
    }
    return c.json(outcome.ack.data as object, 201, { "Cache-Control": "no-store" });
  };
}
