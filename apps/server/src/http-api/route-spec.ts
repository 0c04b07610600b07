import { clientEvents, type ClientEventName } from "@canaduck/contract";
import { z } from "zod";

export type Method = "get" | "post" | "put" | "patch" | "delete";

/** What a request carried, each part already checked against the route's schemas. */
export interface RouteInput {
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  body: Record<string, unknown>;
  /** The Idempotency-Key header, when the route reads one. */
  idempotencyKey: string | undefined;
  /** An incoming webhook's channel, for the route its bot posts through. */
  channel?: string;
}

/**
 * One HTTP route: which client event it runs and how the request becomes that event's payload.
 * Nothing else: the payload is parsed by the contract's schema and the command runs through the
 * same dispatcher, rate budgets and authorization as a Socket.IO event, so no rule lives here.
 */
export interface RouteSpec {
  method: Method;
  /** Under /api/v1, OpenAPI style: `/channels/{channel}`. */
  path: string;
  event: ClientEventName;
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** The JSON body's shape; unknown fields are refused. */
  body?: z.ZodObject;
  /** Reads an Idempotency-Key header carrying the send's clientId. */
  idempotencyKey?: boolean;
  /** Anyone may call it (logging in); every other route needs a Bearer token. */
  anonymous?: boolean;
  /** No Bearer token: the URL names an incoming webhook, whose bot the request acts as. */
  actsAs?: "incoming-hook";
  /** 200 unless it creates something (201). */
  status?: 200 | 201;
  /** Repeated reads: answered with an ETag, and 304 to a matching If-None-Match. */
  etag?: boolean;
  payload(input: RouteInput): unknown;
  /** Reshapes the ack's data, with the schema of what comes out; the event's result otherwise. */
  present?: { schema: z.ZodType; from(data: unknown): unknown };
}

/** The schema a route's success answers with. */
export const responseSchemaOf = (route: RouteSpec): z.ZodType =>
  route.present?.schema ?? clientEvents[route.event].result;

/** A channel in a path: its name with or without the `#` (which a URL must otherwise encode as %23). */
export const channelParam = z
  .string()
  .regex(/^#?[A-Za-z0-9_-]{1,64}$/, "a channel name: letters, digits, _ or -, with or without a leading #")
  .meta({ description: "The channel's name; the leading # may be left out.", example: "dev" });
export const channelOf = (param: string | undefined): string =>
  param === undefined || param.startsWith("#") ? (param ?? "") : `#${param}`;

/** A decimal integer in a path or query, turned into a number by `numberOf`. */
export const integerParam = z.string().regex(/^\d{1,10}$/, "a whole number");
export const numberOf = (value: string | undefined): number | undefined =>
  value === undefined ? undefined : Number(value);

/** Drops the keys whose value is undefined, so a payload carries only what was given. */
export const defined = (record: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
