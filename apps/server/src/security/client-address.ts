import { isIPv4, isIPv6 } from "node:net";
import type { IncomingHttpHeaders } from "node:http";

export interface AddressSource {
  /** The TCP peer's address (Socket.IO's `handshake.address`). */
  address: string;
  headers: IncomingHttpHeaders;
}

/**
 * The address to hold to per-address limits. Behind `trustedProxies` reverse proxies the peer
 * is the nearest proxy, and each proxy appended the address it saw to X-Forwarded-For: the
 * client is the entry that many places from the end. Entries before it were written by the
 * client itself and are never believed. Without trusted proxies the header is ignored.
 */
export function clientAddress({ address, headers }: AddressSource, trustedProxies: number): string {
  let client = address;
  if (trustedProxies > 0) {
    const raw = headers["x-forwarded-for"];
    const hops = (Array.isArray(raw) ? raw.join(",") : (raw ?? ""))
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const forwarded = hops[hops.length - trustedProxies] ?? hops[0];
    if (forwarded !== undefined && (isIPv4(forwarded) || isIPv6(forwarded))) client = forwarded;
  }
  return addressKey(client);
}

/**
 * IPv4 as is (IPv4-mapped IPv6 unwrapped); IPv6 cut to its /64, since one subscriber is
 * usually handed a whole /64 and could otherwise take a fresh address for every attempt.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1] !== undefined) return mapped[1];
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(":")}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, without `::` shorthand or leading zeros. */
function expandIPv6(address: string): string[] {
  const [head = "", tail] = address.split("%")[0]?.split("::") ?? [];
  const left = head === "" ? [] : head.split(":");
  const right = tail === undefined || tail === "" ? [] : tail.split(":");
  // An embedded IPv4 tail (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) fills two groups.
  const width = (groups: string[]) => groups.reduce((n, g) => n + (g.includes(".") ? 2 : 1), 0);
  const missing = tail === undefined ? 0 : 8 - width(left) - width(right);
  return [...left, ...Array<string>(missing).fill("0"), ...right].map((group) =>
    group.replace(/^0+(?=.)/, "").toLowerCase(),
  );
}
