import { clientEvents, nickSchema } from "@canaduck/contract";
import { z } from "zod";
import { channelOf, channelParam, defined, type RouteInput, type RouteSpec } from "./route-spec";

const inChannel = z.strictObject({ channel: channelParam });
const onMember = inChannel.extend({ nick: nickSchema });
const kick = clientEvents["channel:kick"].payload.shape;
const ban = clientEvents["channel:ban"].payload.shape;

/** A route about the channel named in its path, and maybe a member named after it. */
const about = (
  spec: Omit<RouteSpec, "payload">,
  extra: (input: RouteInput) => Record<string, unknown> = () => ({}),
): RouteSpec => ({
  ...spec,
  payload: (input) => defined({ channel: channelOf(input.params.channel), nick: input.params.nick, ...extra(input) }),
});

/** Channels: listing, joining and leaving, topic, mode and members, and their moderation. */
export const channelRoutes: RouteSpec[] = [
  {
    method: "get",
    path: "/channels",
    event: "channel:list",
    tag: "channels",
    summary: "Channels anyone can see, with member counts and topics.",
    etag: true,
    payload: () => ({}),
  },
  about({
    method: "get",
    path: "/channels/{channel}",
    event: "channel:topic",
    tag: "channels",
    summary: "One channel as one who may see it sees it: topic, mode, member count.",
    params: inChannel,
    etag: true,
  }),
  about({
    method: "put",
    path: "/channels/{channel}/membership",
    event: "channel:join",
    tag: "channels",
    summary: "Join a channel, creating it (as its owner) when it does not exist.",
    params: inChannel,
  }),
  about(
    {
      method: "delete",
      path: "/channels/{channel}/membership",
      event: "channel:part",
      tag: "channels",
      summary: "Leave a channel (with an optional reason in the query).",
      params: inChannel,
      query: z.strictObject({ reason: clientEvents["channel:part"].payload.shape.reason }),
    },
    ({ query }) => ({ reason: query.reason }),
  ),
  about(
    {
      method: "put",
      path: "/channels/{channel}/topic",
      event: "channel:topic",
      tag: "channels",
      summary: "Set the topic (operators).",
      params: inChannel,
      body: z.strictObject({ topic: clientEvents["channel:topic"].payload.shape.topic.unwrap() }),
    },
    ({ body }) => ({ topic: body.topic }),
  ),
  about(
    {
      method: "put",
      path: "/channels/{channel}/mode",
      event: "channel:mode",
      tag: "channels",
      summary: "Make a channel invite-only or open, or turn its link previews on or off (operators).",
      params: inChannel,
      body: z.strictObject({ inviteOnly: z.boolean().optional(), previews: z.boolean().optional() }),
    },
    ({ body }) => ({
      ...(body.inviteOnly === undefined ? {} : { inviteOnly: body.inviteOnly }),
      ...(body.previews === undefined ? {} : { previews: body.previews }),
    }),
  ),
  about({
    method: "get",
    path: "/channels/{channel}/members",
    event: "channel:who",
    tag: "channels",
    summary: "A channel's members with their roles and whether they are online.",
    params: inChannel,
    etag: true,
  }),
  about(
    {
      method: "post",
      path: "/channels/{channel}/invites",
      event: "channel:invite",
      tag: "moderation",
      summary: "Let a user join an invite-only channel (operators).",
      params: inChannel,
      body: z.strictObject({ nick: nickSchema }),
    },
    ({ body }) => ({ nick: body.nick }),
  ),
  about(
    {
      method: "post",
      path: "/channels/{channel}/kicks",
      event: "channel:kick",
      tag: "moderation",
      summary: "Remove a member from a channel (operators).",
      params: inChannel,
      body: z.strictObject({ nick: kick.nick, reason: kick.reason }),
    },
    ({ body }) => body,
  ),
  about(
    {
      method: "post",
      path: "/channels/{channel}/bans",
      event: "channel:ban",
      tag: "moderation",
      summary: "Remove a member and keep them out, for a while or for good (operators).",
      params: inChannel,
      body: z.strictObject({ nick: ban.nick, durationSeconds: ban.durationSeconds, reason: ban.reason }),
    },
    ({ body }) => body,
  ),
  about({
    method: "get",
    path: "/channels/{channel}/bans",
    event: "channel:bans",
    tag: "moderation",
    summary: "A channel's bans still in force, newest first (operators).",
    params: inChannel,
  }),
  about({
    method: "delete",
    path: "/channels/{channel}/bans/{nick}",
    event: "channel:unban",
    tag: "moderation",
    summary: "Lift a ban (operators).",
    params: onMember,
  }),
  about({
    method: "put",
    path: "/channels/{channel}/operators/{nick}",
    event: "channel:op",
    tag: "moderation",
    summary: "Make a member an operator (operators).",
    params: onMember,
  }),
  about({
    method: "delete",
    path: "/channels/{channel}/operators/{nick}",
    event: "channel:deop",
    tag: "moderation",
    summary: "Make an operator a plain member (operators; the owner cannot be deopped).",
    params: onMember,
  }),
];
