import type { MemberView } from "@canaduck/contract";
import { describe, expect, it } from "vitest";
import type { ChatAction } from "./reducer";
import { channelView, me, stateOf } from "./testing/chat-fixtures";

const member = (name: string, over: Partial<MemberView> = {}): MemberView => ({
  id: `u-${name}`,
  name,
  role: "member",
  isAdmin: false,
  online: true,
  ...over,
});
const session: ChatAction = { type: "session", me, channels: [channelView("#dev")] };
const loaded = (asOf: number, ...members: MemberView[]): ChatAction => ({
  type: "members",
  channelId: "c-#dev",
  members,
  asOf,
});
const change = (seq: number, name: string, view: MemberView | null): ChatAction => ({
  type: "member",
  channelId: "c-#dev",
  seq,
  userId: `u-${name}`,
  member: view,
});
const names = (...actions: ChatAction[]) =>
  stateOf(session, ...actions).channels["c-#dev"]?.members?.map((m) => `${m.name}:${m.role}`) ?? null;

describe("a loaded member list follows channel:member", () => {
  it("adds a joiner, changes a role, and drops who left, without reading the list again", () => {
    const list = loaded(10, member("alice", { role: "owner" }), member("bob"));
    expect(names(list, change(11, "carol", member("carol")))).toEqual(["alice:owner", "bob:member", "carol:member"]);
    expect(names(list, change(11, "bob", member("bob", { role: "operator" })))).toEqual([
      "alice:owner",
      "bob:operator",
    ]);
    expect(names(list, change(11, "bob", null))).toEqual(["alice:owner"]);
  });

  it("applies a change that arrived while the list was being read, if the list is older than it", () => {
    // carol joined at seq 11; the list read as of seq 10 does not have her yet.
    expect(names(change(11, "carol", member("carol")), loaded(10, member("alice")))).toEqual([
      "alice:member",
      "carol:member",
    ]);
    // bob left at 12, but a list read as of 13 already knows (and dave joined after him).
    expect(names(change(12, "bob", null), loaded(13, member("alice"), member("dave")))).toEqual([
      "alice:member",
      "dave:member",
    ]);
  });

  it("never lets an older change undo a newer list", () => {
    // erin joined at 5 and left at 8; a list read as of 9 has no erin, and the join must not bring her back.
    expect(names(change(5, "erin", member("erin")), change(8, "erin", null), loaded(9, member("alice")))).toEqual([
      "alice:member",
    ]);
    expect(names(loaded(9, member("alice")), change(7, "erin", member("erin")))).toEqual(["alice:member"]);
  });

  it("is idempotent: a change the list already holds changes nothing", () => {
    const list = loaded(10, member("alice"), member("bob"));
    expect(names(list, change(11, "bob", member("bob")), change(11, "bob", member("bob")))).toEqual([
      "alice:member",
      "bob:member",
    ]);
    expect(names(list, change(12, "bob", null), change(12, "bob", null))).toEqual(["alice:member"]);
  });

  it("keeps changes for a list not read yet, and none is made up before it is", () => {
    expect(names(change(3, "bob", member("bob")))).toBeNull();
  });
});
