import type { ConnectResult, StormResult } from "./connect-case";
import { KNEE_P99_MS, type KneeResult, type KneeStep } from "./knee-case";

export const STORM_RATIO_TARGET = 1.5;
export const CONNECT_RATIO_TARGET = 1.5;
export const BACK_AFTER_ANSWER_MS = 2_000;
export const CPU_RATE = 200;

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : "-");
const one = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "-");
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(2)}×` : "-");
const verdict = (met: boolean) => (met ? "met" : "missed");

export function kneeTable(k: KneeResult): string {
  const rows = k.steps.map((s: KneeStep) => {
    const relay = k.steps.find((r) => r.server === "relay" && r.rate === s.rate);
    const cpu = `${s.cpuPerThousand.toFixed(3)}${s.server === "canaduck" && relay ? ` (${ratio(s.cpuPerThousand, relay.cpuPerThousand)})` : ""}`;
    return `| ${s.server === "relay" ? "bare Socket.IO relay" : "CanaDuck, SQLite"} | ${s.rate} | ${Math.round(s.deliveriesPerSecond)} | ${one(s.p50)} | ${one(s.p99)} | ${s.lost} | ${s.unacked} | ${one(s.serverCpuSeconds)} (${one(s.serverSystemSeconds)}) | ${cpu} | ${s.healthy ? "yes" : "no"} |`;
  });
  return [
    "| server | rate msg/s | deliveries/s | p50 ms | p99 ms | late after drain | unacked | server CPU s (kernel) | CPU s per 1,000 deliveries (× relay) | within the knee |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

export function connectTable(results: ConnectResult[]): string {
  return [
    "| clients × channels each | relay plain connect ms | CanaDuck connect + session:sync ms (× relay) | server CPU s: relay, CanaDuck (×) | failed |",
    "| --- | --- | --- | --- | --- |",
    ...results.map(
      (r) =>
        `| ${r.clients} × ${r.channelsPerClient} | ${ms(r.relayPlainMs)} | ${ms(r.canaduckMs)} (${ratio(r.canaduckMs, r.relayPlainMs)}) | ${one(r.relayCpuSeconds)}, ${one(r.canaduckCpuSeconds)} (${ratio(r.canaduckCpuSeconds, r.relayCpuSeconds)}) | ${r.failed} |`,
    ),
  ].join("\n");
}

export function stormTable(results: StormResult[]): string {
  return [
    "| server | clients | kill → answering ms | kill → all back ms | answering → all back ms | handshake timeouts | dropped again | not back |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...results.map(
      (r) =>
        `| ${r.server === "relay" ? "bare Socket.IO relay" : "CanaDuck, SQLite"} | ${r.clients} | ${ms(r.answeredAfterMs)} | ${ms(r.allBackAfterMs)} | ${ms(r.backAfterAnswerMs)} | ${r.handshakeTimeouts} | ${r.droppedAgain} | ${r.notBack} |`,
    ),
  ].join("\n");
}

export function costTargetLines(k?: KneeResult, connects: ConnectResult[] = [], storms: StormResult[] = []): string[] {
  const lines: string[] = [];
  if (k) {
    const at = (server: KneeStep["server"]) => k.steps.find((s) => s.server === server && s.rate === CPU_RATE);
    const relay = at("relay");
    const ours = at("canaduck");
    if (relay && ours)
      lines.push(
        `CPU per delivery at ${CPU_RATE} msg/s ≤ 1.00× the relay's: ${verdict(ours.cpuPerThousand <= relay.cpuPerThousand)} (${ours.cpuPerThousand.toFixed(3)} vs ${relay.cpuPerThousand.toFixed(3)} CPU-s per 1,000 deliveries = ${ratio(ours.cpuPerThousand, relay.cpuPerThousand)}; every line persisted and acked after its commit)`,
      );
    else lines.push(`CPU per delivery at ${CPU_RATE} msg/s: not measured (${CPU_RATE} is not among the rates)`);
    const top = Math.max(...k.steps.map((s) => s.rate));
    const open = (knee: number) => (knee === top ? `≥ ${knee}` : String(knee));
    const lowest = Math.min(...k.steps.map((s) => s.rate));
    lines.push(
      k.relayKnee === 0
        ? `knee (p99 ≤ ${KNEE_P99_MS} ms, nothing late) ≥ 1.00× the relay's: not determined (the relay is past it at the lowest rate, ${lowest} msg/s: the machine or the generator was the limit; CanaDuck ${open(k.canaduckKnee)} msg/s)`
        : `knee (p99 ≤ ${KNEE_P99_MS} ms, nothing late) ≥ 1.00× the relay's: ${verdict(k.canaduckKnee >= k.relayKnee)} (CanaDuck ${open(k.canaduckKnee)} msg/s, relay ${open(k.relayKnee)} msg/s)`,
    );
  }
  for (const c of connects)
    lines.push(
      `connect ${c.clients} clients with saved tokens, each caught up, ≤ ${CONNECT_RATIO_TARGET}× the relay's plain connect: ${verdict(c.failed === 0 && c.canaduckMs <= CONNECT_RATIO_TARGET * c.relayPlainMs)} (${ms(c.canaduckMs)} ms vs ${ms(c.relayPlainMs)} ms = ${ratio(c.canaduckMs, c.relayPlainMs)}${c.failed > 0 ? `, ${c.failed} failed` : ""})`,
    );
  const relayStorm = storms.find((s) => s.server === "relay");
  const ourStorm = storms.find((s) => s.server === "canaduck");
  if (relayStorm && ourStorm) {
    lines.push(
      `reconnect storm of ${ourStorm.clients} ≤ ${STORM_RATIO_TARGET}× the relay's, no handshake timing out: ${verdict(ourStorm.notBack === 0 && ourStorm.handshakeTimeouts === 0 && ourStorm.allBackAfterMs <= STORM_RATIO_TARGET * relayStorm.allBackAfterMs)} (${ms(ourStorm.allBackAfterMs)} ms vs ${ms(relayStorm.allBackAfterMs)} ms = ${ratio(ourStorm.allBackAfterMs, relayStorm.allBackAfterMs)}, ${ourStorm.handshakeTimeouts} handshake timeouts, ${ourStorm.notBack} not back)`,
      `back within ${BACK_AFTER_ANSWER_MS / 1000} s of the restarted server answering: ${verdict(ourStorm.notBack === 0 && ourStorm.backAfterAnswerMs <= BACK_AFTER_ANSWER_MS)} (${ms(ourStorm.backAfterAnswerMs)} ms; the relay's clients ${ms(relayStorm.backAfterAnswerMs)} ms)`,
    );
  }
  return lines.map((l) => `- ${l}`);
}
