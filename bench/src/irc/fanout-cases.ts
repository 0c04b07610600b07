import { countStored } from "../load/seed";
import { ServerProcess } from "../server-process";
import { runFanout, type FanoutResult } from "./fanout";
import { IRC_BENCH_PASSWORD, seedIrcAccounts } from "./irc-seed";
import { NgircdProcess } from "./ngircd-process";

export interface FanoutShape {
  clients: number;
  channels: number;
  lineBytes: number;
  rates: number[];
  stepMs: number;
  p99LimitMs: number;
  drainMs?: number;
}

export interface FanoutCaseResult extends FanoutResult {
  name: string;
  /** Lines the server committed (CanaDuck), against lines sent; null where nothing is stored (ngircd). */
  stored: number | null;
  sent: number;
}

const channelsOf = (shape: FanoutShape) => Array.from({ length: shape.channels }, (_, i) => `#load${i}`);
/** Client i listens in channel i mod R: C/R members a channel, each line fanned out to C/R - 1. */
const channelOf = (shape: FanoutShape, i: number) => channelsOf(shape)[i % shape.channels] ?? "#load0";

const plan = (shape: FanoutShape, port: number, serverPid: number) => ({
  port,
  serverPid,
  rates: shape.rates,
  stepMs: shape.stepMs,
  lineBytes: shape.lineBytes,
  p99LimitMs: shape.p99LimitMs,
  ...(shape.drainMs === undefined ? {} : { drainMs: shape.drainMs }),
});

const sentIn = (result: FanoutResult) => result.steps.reduce((n, s) => n + s.lines, 0);

/** Debian's ngircd, penalties off: the baseline. */
export async function ngircdFanout(shape: FanoutShape): Promise<FanoutCaseResult> {
  const ircd = new NgircdProcess();
  await ircd.start();
  try {
    const clients = Array.from({ length: shape.clients }, (_, i) => ({ nick: `c${i}`, channel: channelOf(shape, i) }));
    const result = await runFanout({ ...plan(shape, ircd.port, ircd.pid), clients });
    return { name: "ngircd 26.1", ...result, stored: null, sent: sentIn(result) };
  } finally {
    await ircd.dispose();
  }
}

/**
 * CanaDuck's IRC gateway on the real server (SQLite, RATE_LIMITS=off as in the other cases):
 * accounts seeded beforehand, each client logging in with `PASS name:password`; every line goes
 * through the same command table as a browser's, is committed, then fanned out.
 */
export async function canaduckFanout(shape: FanoutShape): Promise<FanoutCaseResult> {
  const server = new ServerProcess();
  await server.start();
  try {
    const databaseUrl = `file:${server.dbFile}`;
    const names = await seedIrcAccounts(databaseUrl, shape.clients);
    const clients = names.map((nick, i) => ({ nick, password: IRC_BENCH_PASSWORD, channel: channelOf(shape, i) }));
    const result = await runFanout({ ...plan(shape, server.ircPort, server.pid), clients });
    const stored = await countStored(databaseUrl, channelsOf(shape));
    return { name: "CanaDuck IRC gateway, SQLite", ...result, stored, sent: sentIn(result) };
  } finally {
    await server.dispose();
  }
}
