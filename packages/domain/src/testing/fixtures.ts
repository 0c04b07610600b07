import type { ChannelView } from "@canaduck/contract";
import type { UserActor } from "../actor";
import type { TestDomain } from "./test-domain";

export interface DevChannel {
  /** A server admin (granted, as the operator does); in no channel. */
  root: UserActor;
  /** Created #dev, so its owner. */
  alice: UserActor;
  /** A plain member of #dev. */
  bob: UserActor;
  /** In no channel. */
  carol: UserActor;
  dev: ChannelView;
}

/** The cast most channel tests need: an admin, #dev's owner, a member and an outsider. */
export async function devChannel(t: TestDomain): Promise<DevChannel> {
  const root = await t.registerAdmin("root");
  const alice = await t.registerUser("alice");
  const bob = await t.registerUser("bob");
  const carol = await t.registerUser("carol");
  const { channel: dev } = await t.runOk(alice, "channel:join", { channel: "#dev" });
  await t.runOk(bob, "channel:join", { channel: "#dev" });
  return { root, alice, bob, carol, dev };
}
