import { describe, expect, it } from "vitest";
import { StoreUnavailableError } from "../ports";
import type { UserRecord } from "../records";
import { InMemoryStore } from "./in-memory-store";

const user = (id: string, name: string): UserRecord => ({
  id,
  name,
  nameKey: name.toLowerCase(),
  passwordHash: "h",
  isAdmin: false,
  createdAt: new Date(0),
  suspendedAt: null,
  suspendReason: null,
  awayMessage: null,
  isBot: false,
  ownerId: null,
});

describe("InMemoryStore", () => {
  it("reads committed state outside a transaction, and refuses a write there", async () => {
    const store = new InMemoryStore();
    await store.transaction((tx) => tx.users.insert({ ...user("u1", "alice"), isAdmin: true }));
    expect(await store.read((tx) => tx.users.findByNameKey("alice"))).toMatchObject({ id: "u1" });
    await expect(store.read((tx) => tx.users.insert({ ...user("u2", "bob"), isAdmin: true }))).rejects.toThrow(
      "users.insert called outside a transaction",
    );
    expect(await store.read((tx) => tx.users.countAdmins())).toBe(1);
  });

  it("commits a transaction's writes when its work succeeds", async () => {
    const store = new InMemoryStore();
    await store.transaction((tx) => tx.users.insert(user("u1", "alice")));
    expect(await store.transaction((tx) => tx.users.findByNameKey("alice"))).toMatchObject({ id: "u1" });
  });

  it("discards every write of a transaction whose work throws", async () => {
    const store = new InMemoryStore();
    const before = store.snapshot();
    const failing = store.transaction(async (tx) => {
      await tx.users.insert(user("u1", "alice"));
      throw new Error("boom");
    });
    await expect(failing).rejects.toThrow("boom");
    expect(store.snapshot()).toEqual(before);
  });

  it("runs transactions one at a time, so a read-then-write is never interleaved", async () => {
    const store = new InMemoryStore();
    await store.transaction(async (tx) => {
      await tx.users.insert(user("u1", "alice"));
      await tx.channels.insert({
        id: "c1",
        name: "#a",
        nameKey: "#a",
        kind: "channel",
        topic: "",
        inviteOnly: false,
        previewsOff: false,
        lastSeq: 0,
        createdAt: new Date(0),
      });
    });
    const bump = () =>
      store.transaction(async (tx) => {
        const channel = await tx.channels.findById("c1");
        await new Promise((resolve) => setTimeout(resolve, 1));
        await tx.channels.update("c1", { topic: String(Number(channel?.topic || "0") + 1) });
      });
    await Promise.all(Array.from({ length: 10 }, bump));
    expect((await store.transaction((tx) => tx.channels.findById("c1")))?.topic).toBe("10");
  });

  it("hands out copies: changing a record read does not change the store", async () => {
    const store = new InMemoryStore();
    await store.transaction((tx) => tx.users.insert(user("u1", "alice")));
    await store.transaction(async (tx) => {
      const read = await tx.users.findById("u1");
      if (read) read.name = "mallory";
    });
    expect((await store.transaction((tx) => tx.users.findById("u1")))?.name).toBe("alice");
  });

  it("enforces the database's unique indexes", async () => {
    const store = new InMemoryStore();
    await store.transaction((tx) => tx.users.insert(user("u1", "alice")));
    await expect(store.transaction((tx) => tx.users.insert(user("u2", "ALICE")))).rejects.toThrow(/unique/);
  });

  it("fails the next call of a fault point once, then works again", async () => {
    const store = new InMemoryStore();
    store.failNext("users.countAdmins", new StoreUnavailableError("down"));
    await expect(store.transaction((tx) => tx.users.countAdmins())).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.transaction((tx) => tx.users.countAdmins())).resolves.toBe(0);
  });

  it("refuses repository calls made after the transaction ended", async () => {
    const store = new InMemoryStore();
    const leaked = await store.transaction((tx) => Promise.resolve(tx));
    await expect(leaked.users.countAdmins()).rejects.toThrow(/after its transaction ended/);
  });
});
