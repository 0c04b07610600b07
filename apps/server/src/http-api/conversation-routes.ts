import { clientEvents, clientIdSchema, emojiSchema, nickSchema } from "@canaduck/contract";
import { z } from "zod";
import {
  channelOf,
  channelParam,
  defined,
  integerParam,
  numberOf,
  type RouteInput,
  type RouteSpec,
} from "./route-spec";

/** A conversation in a path: a channel, or the direct conversation with a nick. */
interface Conversation {
  prefix: string;
  tag: string;
  params: z.ZodObject;
  target(input: RouteInput): string;
  what: string;
}

const channel: Conversation = {
  prefix: "/channels/{channel}",
  tag: "messages",
  params: z.strictObject({ channel: channelParam }),
  target: ({ params }) => channelOf(params.channel),
  what: "a channel",
};
const direct: Conversation = {
  prefix: "/direct/{nick}",
  tag: "direct",
  params: z.strictObject({ nick: nickSchema }),
  target: ({ params }) => params.nick ?? "",
  what: "the direct conversation with a nick",
};

const send = clientEvents["message:send"].payload.shape;

/** Reading, sending, editing, deleting and reacting to lines, and the read marker, in one conversation. */
function routesOf(c: Conversation): RouteSpec[] {
  const line = c.params.extend({ seq: integerParam });
  const lineRef = (input: RouteInput) => ({ target: c.target(input), seq: numberOf(input.params.seq) });
  return [
    {
      method: "get",
      path: `${c.prefix}/messages`,
      event: "history:read",
      tag: c.tag,
      summary: `A page of ${c.what}'s log, oldest first: the newest (no bound), or before, after or around a seq.`,
      params: c.params,
      query: z.strictObject({
        before: integerParam.optional(),
        after: integerParam.optional(),
        around: integerParam.optional(),
        limit: integerParam.optional(),
      }),
      etag: true,
      payload: (input) =>
        defined({
          target: c.target(input),
          before: numberOf(input.query.before),
          after: numberOf(input.query.after),
          around: numberOf(input.query.around),
          limit: numberOf(input.query.limit),
        }),
    },
    {
      method: "post",
      path: `${c.prefix}/messages`,
      event: "message:send",
      tag: c.tag,
      summary: `Say something in ${c.what}. An Idempotency-Key header is the send's clientId: a retry with the same key answers the line first stored.`,
      params: c.params,
      body: z.strictObject({ text: send.text, action: send.action, replyTo: send.replyTo }),
      idempotencyKey: true,
      status: 201,
      payload: (input) => defined({ ...input.body, target: c.target(input), clientId: input.idempotencyKey }),
    },
    {
      method: "patch",
      path: `${c.prefix}/messages/{seq}`,
      event: "message:edit",
      tag: c.tag,
      summary: "Change the text of one's own line; everyone sees it marked edited.",
      params: line,
      body: z.strictObject({ text: clientEvents["message:edit"].payload.shape.text }),
      payload: (input) => ({ ...lineRef(input), text: input.body.text }),
    },
    {
      method: "delete",
      path: `${c.prefix}/messages/{seq}`,
      event: "message:delete",
      tag: c.tag,
      summary: "Remove a line for everyone: one's own, or any in a channel one moderates.",
      params: line,
      payload: lineRef,
    },
    {
      method: "put",
      path: `${c.prefix}/messages/{seq}/reactions/{emoji}`,
      event: "message:react",
      tag: c.tag,
      summary: "React to a line with one emoji (URL-encoded in the path).",
      params: line.extend({ emoji: emojiSchema }),
      payload: (input) => ({ ...lineRef(input), emoji: input.params.emoji }),
    },
    {
      method: "delete",
      path: `${c.prefix}/messages/{seq}/reactions/{emoji}`,
      event: "message:unreact",
      tag: c.tag,
      summary: "Take one's reaction back.",
      params: line.extend({ emoji: emojiSchema }),
      payload: (input) => ({ ...lineRef(input), emoji: input.params.emoji }),
    },
    {
      method: "put",
      path: `${c.prefix}/read-marker`,
      event: "read:mark",
      tag: c.tag,
      summary: "Move one's read marker forward to `seq` (it never moves back); one's connections are told.",
      params: c.params,
      body: z.strictObject({ seq: clientEvents["read:mark"].payload.shape.seq }),
      payload: (input) => ({ target: c.target(input), seq: input.body.seq }),
    },
  ];
}

/** Closing a direct conversation hides it from one's list on every device; opening brings it back. */
const directListRoutes: RouteSpec[] = [
  {
    method: "post",
    path: `${direct.prefix}/close`,
    event: "direct:close",
    tag: direct.tag,
    summary:
      "Close the direct conversation with a nick: it leaves one's list (GET /direct) until a line arrives in it or it is opened again; its history is kept.",
    params: direct.params,
    payload: (input) => ({ nick: direct.target(input) }),
  },
  {
    method: "post",
    path: `${direct.prefix}/open`,
    event: "direct:open",
    tag: direct.tag,
    summary:
      "Open a closed direct conversation again, as it was: NO_SUCH_CHANNEL when there is none with that nick yet (send a line to start one).",
    params: direct.params,
    payload: (input) => ({ nick: direct.target(input) }),
  },
];

export const conversationRoutes: RouteSpec[] = [...routesOf(channel), ...routesOf(direct), ...directListRoutes];

/** The header a send's clientId comes in. */
export const idempotencyKeyHeader = z.strictObject({ "idempotency-key": clientIdSchema.optional() });
