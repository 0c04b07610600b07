import type { WebhookDelivery } from "@canaduck/contract";
import { afterEach, describe, expect, it } from "vitest";
import { attemptDelivery } from "../../src/webhooks/deliver";
import { TestServer, type ChatClient } from "../harness";
import { apiClient, codeOf } from "./http-client";
import { eventually, startReceiver, verifies, type Answer, type Receiver } from "./webhook-receiver";

/** Outgoing webhooks over real HTTP: a real server and database, a real receiver on loopback. */
describe("outgoing webhooks", () => {
  let server: TestServer | undefined;
  let receiver: Receiver | undefined;
  afterEach(async () => {
    await server?.dispose();
    await receiver?.close();
    server = undefined;
    receiver = undefined;
  });

  /** alice owns #dev, bob is in it; the receiver is allow-listed for this server only. */
  async function setUp(answer?: Answer, env: Record<string, string> = {}) {
    receiver = await startReceiver(answer);
    server = await new TestServer({
      WEBHOOK_ALLOWED_HOSTS: `127.0.0.1:${receiver.port}`,
      WEBHOOK_RETRY_BASE_MS: "20",
      ...env,
    }).start();
    const alice = await server.user("alice");
    const bob = await server.user("bob");
    await alice.do("channel:join", { channel: "#dev" });
    await bob.do("channel:join", { channel: "#dev" });
    const api = apiClient(server.url, alice.token);
    const made = await api.post("/channels/dev/webhooks", { url: receiver.url });
    expect(made.status, made.text).toBe(201);
    const { webhook, secret } = made.body as { webhook: { id: string }; secret: string };
    return { alice, bob, api, hookId: webhook.id, secret, receiver };
  }

  const deliveriesOf = async (api: ReturnType<typeof apiClient>, hookId: string) =>
    ((await api.get(`/webhooks/${hookId}/deliveries`)).body as { deliveries: WebhookDelivery[] }).deliveries;

  const say = async (who: ChatClient, text: string) => (await who.do("message:send", { target: "#dev", text })).message;

  it("POSTs a line a Socket.IO user sends, signed so the receiver can verify it, and logs it delivered", async () => {
    const { bob, api, hookId, secret, receiver } = await setUp();
    const line = await say(bob, "hello hooks");
    const got = await receiver.until((r) => r.body.includes("hello hooks"));
    expect(verifies(secret, got.headers["x-canaduck-signature"] as string, got.body)).toBe(true);
    expect(verifies("another secret", got.headers["x-canaduck-signature"] as string, got.body)).toBe(false);
    const payload = JSON.parse(got.body) as { event: string; channel: { name: string }; message: { seq: number } };
    expect([payload.event, payload.channel.name, payload.message.seq]).toEqual(["message:new", "#dev", line.seq]);
    const deliveries = await eventually(
      () => deliveriesOf(api, hookId),
      (all) => all.some((d) => d.seq === line.seq && d.status === "delivered"),
    );
    const logged = deliveries.find((d) => d.seq === line.seq);
    expect([logged?.id, logged?.attempts, logged?.lastStatus]).toEqual([got.headers["x-canaduck-delivery"], 1, 200]);
  });

  it("retries a receiver that answers 500 twice, and the log shows the three attempts", async () => {
    const { bob, api, hookId, receiver } = await setUp((n) => (n < 2 ? 500 : 200));
    const line = await say(bob, "try again");
    const done = await eventually(
      () => deliveriesOf(api, hookId),
      (all) => all.some((d) => d.seq === line.seq && d.status === "delivered"),
    );
    const logged = done.find((d) => d.seq === line.seq);
    expect([logged?.attempts, logged?.lastStatus]).toEqual([3, 200]);
    const tries = receiver.received.filter((r) => r.body.includes("try again"));
    expect(tries).toHaveLength(3);
    // One delivery, three attempts: the receiver can tell them apart from new entries.
    expect(new Set(tries.map((r) => r.headers["x-canaduck-delivery"])).size).toBe(1);
  });

  it("gives up after its attempts and logs the delivery failed with the last status", async () => {
    const { bob, api, hookId } = await setUp(() => 503, { WEBHOOK_ATTEMPTS: "2" });
    const line = await say(bob, "nobody home");
    const done = await eventually(
      () => deliveriesOf(api, hookId),
      (all) => all.some((d) => d.seq === line.seq && d.status === "failed"),
    );
    const logged = done.find((d) => d.seq === line.seq);
    expect([logged?.attempts, logged?.lastStatus, logged?.lastError]).toEqual([2, 503, "HTTP 503"]);
  });

  it("keeps chat fast while the receiver never answers: sends are acked while the hook is pending", async () => {
    const { bob, api, hookId, receiver } = await setUp(() => "hang");
    const first = await say(bob, "into the void");
    await receiver.until((r) => r.body.includes("into the void"));
    // The receiver holds the first delivery open; lines keep being acked meanwhile.
    const later = [];
    for (let i = 0; i < 5; i += 1) later.push(await say(bob, `still chatting ${i}`));
    expect(later.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5].map((i) => first.seq + i));
    const deliveries = await deliveriesOf(api, hookId);
    expect(deliveries.find((d) => d.seq === first.seq)?.status).toBe("pending");
    expect(deliveries.filter((d) => d.status === "delivered")).toEqual([]);
  });

  it("delivers nothing more once the hook is deleted", async () => {
    const { alice, bob, api, hookId, receiver } = await setUp();
    await say(bob, "before delete");
    await receiver.until((r) => r.body.includes("before delete"));
    expect((await api.delete(`/webhooks/${hookId}`)).status).toBe(200);
    // A second hook on the same receiver shows when the next line has gone out.
    const witness = await api.post("/channels/dev/webhooks", { url: `${receiver.url}?witness` });
    expect(witness.status).toBe(201);
    await say(alice, "after delete");
    await receiver.until((r) => r.body.includes("after delete"));
    await say(alice, "and once more");
    await receiver.until((r) => r.body.includes("and once more"));
    expect(receiver.received.filter((r) => r.body.includes("after delete"))).toHaveLength(1);
    expect(codeOf(await api.get(`/webhooks/${hookId}/deliveries`))).toBe("NO_SUCH_WEBHOOK");
  });

  it("lets only the channel's owner (or an admin) create, list and read deliveries", async () => {
    const { bob, hookId, receiver } = await setUp();
    const carol = await server?.user("carol");
    for (const who of [bob, carol]) {
      const api = apiClient(server?.url ?? "", who?.token);
      const create = await api.post("/channels/dev/webhooks", { url: receiver.url });
      expect([create.status, codeOf(create)]).toEqual([403, "FORBIDDEN"]);
      const list = await api.get("/channels/dev/webhooks");
      expect([list.status, codeOf(list)]).toEqual([403, "FORBIDDEN"]);
      const log = await api.get(`/webhooks/${hookId}/deliveries`);
      expect([log.status, codeOf(log)]).toEqual([404, "NO_SUCH_WEBHOOK"]);
      expect(codeOf(await api.delete(`/webhooks/${hookId}`))).toBe("NO_SUCH_WEBHOOK");
    }
    const root = await server?.admin("root");
    const asAdmin = await apiClient(server?.url ?? "", root?.token).get("/channels/dev/webhooks");
    expect(asAdmin.status).toBe(200);
    expect(JSON.stringify(asAdmin.body)).not.toMatch(/secret/);
  });

  it("refuses loopback, private and link-local targets unless allow-listed, and more than 10 hooks", async () => {
    receiver = await startReceiver();
    server = await new TestServer().start();
    const alice = await server.user("alice");
    await alice.do("channel:join", { channel: "#dev" });
    const api = apiClient(server.url, alice.token);
    for (const url of [
      receiver.url,
      "http://10.0.0.1/hook",
      "http://169.254.169.254/latest/meta-data/",
      "http://[::1]:8080/hook",
      "http://[::ffff:127.0.0.1]/hook",
      "http://100.64.0.1/hook",
      `http://localhost:${receiver.port}/hook`,
      "ftp://example.com/hook",
      "not a url",
    ]) {
      const refused = await api.post("/channels/dev/webhooks", { url });
      expect([url, refused.status, codeOf(refused)]).toEqual([url, 400, "WEBHOOK_URL_REFUSED"]);
    }
    // A public address is taken (a literal: these test machines resolve no public names).
    expect((await api.post("/channels/dev/webhooks", { url: "https://93.184.215.14/hook" })).status).toBe(201);
    const tooLong = await api.post("/channels/dev/webhooks", { url: `https://example.com/${"a".repeat(2100)}` });
    expect([tooLong.status, codeOf(tooLong)]).toEqual([400, "INVALID_PAYLOAD"]);
    await server.stop();
    server = await new TestServer({ WEBHOOK_ALLOWED_HOSTS: `127.0.0.1:${receiver.port}` }).start();
    const again = apiClient(server.url, (await server.user("dora")).token);
    await again.put("/channels/ops/membership");
    for (let i = 0; i < 10; i += 1)
      expect((await again.post("/channels/ops/webhooks", { url: `${receiver.url}?${i}` })).status).toBe(201);
    const eleventh = await again.post("/channels/ops/webhooks", { url: receiver.url });
    expect([eleventh.status, codeOf(eleventh)]).toEqual([409, "TOO_MANY_WEBHOOKS"]);
  });

  it("re-checks the address at each attempt: a name resolving to loopback is not connected to", async () => {
    receiver = await startReceiver();
    const refused = await attemptDelivery(
      { allowedHosts: [] },
      `http://localhost:${receiver.port}/hook`,
      "{}",
      {},
      2_000,
    );
    expect(refused).toMatchObject({ ok: false, status: null });
    expect(refused.ok ? "" : refused.error).toMatch(/refused/);
    const literal = await attemptDelivery({ allowedHosts: [] }, receiver.url, "{}", {}, 2_000);
    expect(literal.ok).toBe(false);
    expect(receiver.received).toHaveLength(0);
    const allowed = await attemptDelivery(
      { allowedHosts: [`localhost:${receiver.port}`] },
      `http://localhost:${receiver.port}/hook`,
      "{}",
      {},
      2_000,
    );
    expect(allowed).toEqual({ ok: true, status: 200 });
  });
});
