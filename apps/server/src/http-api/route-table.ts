import { accountRoutes } from "./account-routes";
import { channelRoutes } from "./channel-routes";
import { conversationRoutes } from "./conversation-routes";
import { hookRoutes } from "./hook-routes";
import type { RouteSpec } from "./route-spec";
import { tokenRoutes } from "./token-routes";
import { userRoutes } from "./user-routes";
import { webhookRoutes } from "./webhook-routes";

/** Every route of /api/v1. The OpenAPI document and the router are both built from this list. */
export const apiRoutes: readonly RouteSpec[] = [
  ...accountRoutes,
  ...channelRoutes,
  ...conversationRoutes,
  ...tokenRoutes,
  ...userRoutes,
  ...webhookRoutes,
  ...hookRoutes,
];
