import type { z } from "zod";
import { describeIssues } from "@canaduck/domain";
import { invalid } from "./problem";

const JSON_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json\s*(?:;|$)/i;

/** A request's JSON body checked against `schema`, or the 4xx that says what is wrong with it. */
export async function readBody(
  request: Request,
  schema: z.ZodObject,
): Promise<{ ok: true; body: Record<string, unknown> } | { ok: false; response: Response }> {
  if (!JSON_TYPE.test(request.headers.get("content-type") ?? ""))
    return { ok: false, response: invalid("Send the body as JSON, with Content-Type: application/json.", 415) };
  let raw: unknown;
  try {
    raw = JSON.parse(await request.text());
  } catch {
    return { ok: false, response: invalid("The body is not valid JSON.") };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, response: invalid(`Invalid body: ${describeIssues(parsed.error)}`) };
  return { ok: true, body: parsed.data };
}
