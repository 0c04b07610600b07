import { clientEvents } from "@canaduck/contract";
import { z } from "zod";
import { channelOf, channelParam, defined, integerParam, numberOf, type RouteSpec } from "./route-spec";

const channel = z.strictObject({ channel: channelParam });
const webhook = z.strictObject({ webhookId: clientEvents["webhook:delete"].payload.shape.webhookId });

/** A channel's webhooks, managed by its owner or a server admin. */
export const webhookRoutes: RouteSpec[] = [
  {
    method: "post",
    path: "/channels/{channel}/webhooks",
    event: "webhook:create",
    tag: "webhooks",
    summary:
      "Add an outgoing webhook: each new entry of the channel's log is POSTed, signed, to `url`; the signing secret is in this answer only.",
    status: 201,
    params: channel,
    body: z.strictObject({ url: clientEvents["webhook:create"].payload.shape.url }),
    payload: ({ params, body }) => ({ channel: channelOf(params.channel), url: body.url }),
  },
  {
    method: "post",
    path: "/channels/{channel}/webhooks/incoming",
    event: "webhook:create-incoming",
    tag: "webhooks",
    summary:
      "Add an incoming webhook: a bot `name` joins the channel and says what is POSTed to the secret `url` in the answer.",
    status: 201,
    params: channel,
    body: z.strictObject({
      name: clientEvents["webhook:create-incoming"].payload.shape.name,
      signed: z.boolean().optional(),
    }),
    payload: ({ params, body }) =>
      defined({ channel: channelOf(params.channel), name: body.name, signed: body.signed }),
  },
  {
    method: "get",
    path: "/channels/{channel}/webhooks",
    event: "webhook:list",
    tag: "webhooks",
    summary: clientEvents["webhook:list"].summary,
    params: channel,
    payload: ({ params }) => ({ channel: channelOf(params.channel) }),
  },
  {
    method: "delete",
    path: "/webhooks/{webhookId}",
    event: "webhook:delete",
    tag: "webhooks",
    summary: clientEvents["webhook:delete"].summary,
    params: webhook,
    payload: ({ params }) => ({ webhookId: params.webhookId }),
  },
  {
    method: "get",
    path: "/webhooks/{webhookId}/deliveries",
    event: "webhook:deliveries",
    tag: "webhooks",
    summary: clientEvents["webhook:deliveries"].summary,
    params: webhook,
    query: z.strictObject({ limit: integerParam.optional() }),
    payload: ({ params, query }) => defined({ webhookId: params.webhookId, limit: numberOf(query.limit) }),
  },
];
