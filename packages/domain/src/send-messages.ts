import { clientEvents, isChannelName, type ClientEventPayload } from "@canaduck/contract";
import type { Actor, UserActor } from "./actor";
import { checkScope } from "./command-scopes";
import { describeIssues, execute, failedWith, type Outcome } from "./dispatch";
import { DomainError } from "./domain-error";
import { EffectList } from "./effects";
import { StoreUnavailableError, type DomainDeps, type Repositories } from "./ports";
import type { ChannelRecord, MembershipRecord, MessageRecord, SessionRecord, UserRecord } from "./records";
import { admitToChannel, isBanInForce } from "./support/access-checks";
import { messageRecord, sentLine } from "./support/message-record";
import { nameKey } from "./support/names";
import { toMessage } from "./support/views";

export interface SendRequest {
  actor: Actor;
  payload: unknown;
}

type SendPayload = ClientEventPayload<"message:send">;

/** Why a token may not send (checkScope's refusal), or null when it may. */
function scopeRefusal(actor: UserActor, payload: SendPayload): unknown {
  try {
    checkScope(actor, "message:send", payload);
    return null;
  } catch (error) {
    return error;
  }
}

/** A send to a channel that passed validation, waiting for the batch's transaction. */
interface ChannelSend {
  index: number;
  actor: UserActor;
  payload: SendPayload;
}

/** What one transaction read for the whole batch, so each send is checked without another query. */
interface BatchView {
  now: Date;
  sessions: Map<string, SessionRecord>;
  users: Map<string, UserRecord>;
  channels: Map<string, ChannelRecord>;
  /** Keyed `channelId userId`: memberships, and bans in force. */
  members: Map<string, MembershipRecord>;
  banned: Set<string>;
  /** Earlier messages by `authorId clientId`. */
  earlier: Map<string, MessageRecord>;
}

const pair = (a: string, b: string) => `${a} ${b}`;
const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/**
 * Runs many `message:send`s in one transaction with a fixed number of statements — a handful
 * of reads for the whole batch, one sequence bump per channel, one insert — instead of eight
 * statements per message: the group commit that lets one node persist thousands of messages
 * a second. Each send is checked and answered exactly as `execute` would answer it alone, in
 * the order given; sends to a nick (direct messages), replies (which read and check the line
 * they answer) and shared files (which claim their upload) are run one by one through `execute`:
 * all are rarer than plain lines.
 */
export async function sendMessages(
  deps: DomainDeps,
  requests: readonly SendRequest[],
  /** Hears why a batch fell back to one transaction a send: it should be rare, and seen. */
  onBatchFailed: (error: unknown) => void = () => undefined,
): Promise<Outcome[]> {
  const outcomes: Array<Outcome | undefined> = new Array<Outcome | undefined>(requests.length);
  const batch: ChannelSend[] = [];
  const alone: number[] = [];
  requests.forEach(({ actor, payload }, index) => {
    const parsed = clientEvents["message:send"].payload.safeParse(payload);
    if (!parsed.success) {
      outcomes[index] = failedWith(
        new DomainError("INVALID_PAYLOAD", `Invalid message:send: ${describeIssues(parsed.error)}`),
      );
    } else if (actor.kind !== "user") {
      outcomes[index] = failedWith(new DomainError("NOT_AUTHENTICATED", "Log in first."));
    } else {
      // The batch skips the dispatcher, so it checks the token's scope as the dispatcher would.
      const refused = scopeRefusal(actor, parsed.data);
      if (refused !== null) outcomes[index] = failedWith(refused);
      else if (
        isChannelName(parsed.data.target) &&
        parsed.data.replyTo === undefined &&
        parsed.data.attachment === undefined
      )
        batch.push({ index, actor, payload: parsed.data });
      else alone.push(index);
    }
  });

  if (batch.length > 0) {
    try {
      const results = await deps.store.bulkTransaction((tx) => sendInOneTransaction(deps, tx, batch));
      results.forEach((outcome, i) => (outcomes[batch[i]?.index ?? -1] = outcome));
    } catch (error) {
      if (error instanceof StoreUnavailableError) {
        for (const send of batch) outcomes[send.index] = failedWith(error);
      } else {
        onBatchFailed(error);
        // One send the batch could not take (say, a clientId stored meanwhile by another node)
        // must not fail the others: each runs again on its own and meets its own fate.
        for (const send of batch) outcomes[send.index] = await execute(deps, send.actor, "message:send", send.payload);
      }
    }
  }
  for (const index of alone) {
    const request = requests[index];
    if (request) outcomes[index] = await execute(deps, request.actor, "message:send", request.payload);
  }
  return outcomes.map((outcome) => outcome ?? failedWith(new Error("a send was left unanswered")));
}

async function readBatchView(deps: DomainDeps, tx: Repositories, batch: readonly ChannelSend[]): Promise<BatchView> {
  const userIds = unique(batch.map((s) => s.actor.userId));
  const [sessions, users, channels] = await Promise.all([
    tx.sessions.findByIds(unique(batch.map((s) => s.actor.sessionId))),
    tx.users.findByIds(userIds),
    tx.channels.findByNameKeys(unique(batch.map((s) => nameKey(s.payload.target)))),
  ]);
  const channelIds = channels.map((c) => c.id);
  const clientIds = unique(batch.flatMap((s) => (s.payload.clientId === undefined ? [] : [s.payload.clientId])));
  const [memberships, bans, earlier] = await Promise.all([
    tx.memberships.findAmong(channelIds, userIds),
    tx.bans.findAmong(channelIds, userIds),
    clientIds.length === 0 ? Promise.resolve([]) : tx.messages.findByClientIds(userIds, clientIds),
  ]);
  const now = deps.clock.now();
  return {
    now,
    sessions: new Map(sessions.map((s) => [s.id, s])),
    users: new Map(users.map((u) => [u.id, u])),
    channels: new Map(channels.map((c) => [c.nameKey, c])),
    members: new Map(memberships.map((m) => [pair(m.channelId, m.userId), m])),
    banned: new Set(bans.filter((b) => isBanInForce(b, now)).map((b) => pair(b.channelId, b.userId))),
    earlier: new Map(earlier.map((m) => [pair(m.authorId ?? "", m.clientId ?? ""), m])),
  };
}

/** The channel a send may go to, or the refusal `execute` would give: the same admission, from the batch's reads. */
function admit(view: BatchView, send: ChannelSend): { user: UserRecord; channel: ChannelRecord } {
  const { sessionId, userId } = send.actor;
  const name = send.payload.target;
  const channel = view.channels.get(nameKey(name)) ?? null;
  const { user, scope } = admitToChannel(
    {
      session: view.sessions.get(sessionId) ?? null,
      user: view.users.get(userId) ?? null,
      name,
      channel,
      banned: channel !== null && view.banned.has(pair(channel.id, userId)),
      membership: (channel && view.members.get(pair(channel.id, userId))) ?? null,
    },
    view.now,
    "member",
  );
  return { user, channel: scope.channel };
}

/** A send's fate inside the batch: refused, a line stored now, or the line an earlier copy stored. */
type Answer = { refused: DomainError } | { record: MessageRecord; stored: boolean };

function answer(deps: DomainDeps, view: BatchView, send: ChannelSend): Answer {
  let admitted;
  try {
    admitted = admit(view, send);
  } catch (error) {
    if (error instanceof DomainError) return { refused: error };
    throw error;
  }
  const { user, channel } = admitted;
  const { clientId } = send.payload;
  const key = clientId === undefined ? null : pair(user.id, clientId);
  const earlier = key === null ? undefined : view.earlier.get(key);
  if (earlier) return { record: earlier, stored: false };
  // Numbered (seq) once the batch's count in each channel is known.
  const record = messageRecord(sentLine(user, send.payload), {
    id: deps.ids.newId(),
    channelId: channel.id,
    seq: 0,
    at: view.now,
  });
  // A retry inside the same batch gets the line its first copy stores.
  if (key !== null) view.earlier.set(key, record);
  return { record, stored: true };
}

async function sendInOneTransaction(
  deps: DomainDeps,
  tx: Repositories,
  batch: readonly ChannelSend[],
): Promise<Outcome[]> {
  const view = await readBatchView(deps, tx, batch);
  const answers = batch.map((send) => answer(deps, view, send));
  const fresh = answers.flatMap((a) => ("record" in a && a.stored ? [a.record] : []));

  // Channels in one order everywhere, so two nodes' batches lock channel rows without deadlock.
  const perChannel = new Map<string, MessageRecord[]>();
  for (const record of fresh) {
    const records = perChannel.get(record.channelId);
    if (records) records.push(record);
    else perChannel.set(record.channelId, [record]);
  }
  for (const channelId of [...perChannel.keys()].sort()) {
    const records = perChannel.get(channelId) ?? [];
    const last = await tx.channels.allocateSeqs(channelId, records.length);
    records.forEach((record, i) => {
      record.seq = last - records.length + 1 + i;
      // A new line is its own version: nothing has changed it yet.
      record.version = record.seq;
    });
  }
  if (fresh.length > 0) await tx.messages.insertMany(fresh);

  return answers.map((a) => {
    if ("refused" in a) return failedWith(a.refused);
    const message = toMessage(a.record);
    const out = new EffectList();
    // As alone: a retry answers with the stored line and tells nobody again.
    if (a.stored) out.emit({ channel: a.record.channelId }, "message:new", message);
    return { ack: { ok: true, data: { message } }, effects: out.items };
  });
}
