import type { Actor, UserActor } from "../actor";
import { anonymous } from "../actor";
import { createTestDomain, type TestDomain } from "../testing";

export const roles = ["anonymous", "member", "operator", "owner", "admin", "banned", "nonMember"] as const;
export type Role = (typeof roles)[number];

export const modes = ["public", "inviteOnly"] as const;
export type Mode = (typeof modes)[number];

/** Everyone the matrix needs around one channel, #dev. */
export interface Cast {
  t: TestDomain;
  mode: Mode;
  /** The actor playing each role. */
  as: Record<Role, Actor>;
  /** tina: a plain member that commands act on. */
  tina: UserActor;
  /** The seq of olive's line, which olive, oscar and mia reacted to with 👍. */
  ownerLine: number;
  /** The seq of a line tina said. */
  tinaLine: number;
  /** The id of #dev (commands that name a conversation by id). */
  devId: string;
}

/**
 * #dev, public or invite-only, with: root (the server admin, not in #dev), olive (its owner),
 * oscar and opal (operators), mia and tina (members), bart (was a member, now banned), nora and
 * ivy (never joined).
 */
export async function castFor(mode: Mode): Promise<Cast> {
  const t = createTestDomain();
  const root = await t.registerAdmin("root");
  const olive = await t.registerUser("olive");
  const oscar = await t.registerUser("oscar");
  const opal = await t.registerUser("opal");
  const mia = await t.registerUser("mia");
  const tina = await t.registerUser("tina");
  const bart = await t.registerUser("bart");
  const nora = await t.registerUser("nora");
  await t.registerUser("ivy");
  await t.runOk(olive, "channel:join", { channel: "#dev" });
  for (const member of [oscar, opal, mia, tina, bart]) await t.runOk(member, "channel:join", { channel: "#dev" });
  await t.runOk(olive, "channel:op", { channel: "#dev", nick: "oscar" });
  await t.runOk(olive, "channel:op", { channel: "#dev", nick: "opal" });
  await t.runOk(olive, "channel:ban", { channel: "#dev", nick: "bart" });
  const { message: said } = await t.runOk(olive, "message:send", { target: "#dev", text: "only for those inside" });
  const { message: tinas } = await t.runOk(tina, "message:send", { target: "#dev", text: "tina says hi" });
  // Those who may react have reacted with 👍, so taking a reaction back can succeed for them.
  for (const reactor of [olive, oscar, mia]) {
    await t.runOk(reactor, "message:react", { target: "#dev", seq: said.seq, emoji: "👍" });
  }
  if (mode === "inviteOnly") await t.runOk(olive, "channel:mode", { channel: "#dev", inviteOnly: true });
  return {
    t,
    mode,
    tina,
    ownerLine: said.seq,
    tinaLine: tinas.seq,
    devId: said.channelId,
    as: { anonymous, member: mia, operator: oscar, owner: olive, admin: root, banned: bart, nonMember: nora },
  };
}
