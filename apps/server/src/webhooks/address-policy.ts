import { BlockList, isIP } from "node:net";

/**
 * Addresses a webhook must never reach: this machine, private networks, link-local (the cloud
 * metadata service at 169.254.169.254), carrier-grade NAT, multicast and reserved ranges. Every
 * IPv4-mapped IPv6 address (::ffff:a.b.c.d) is refused too, whatever it maps to: no public
 * receiver needs one, and it is how a private IPv4 address hides in IPv6.
 */
// Two lists: one BlockList would match every IPv4 address against the ::ffff:0:0/96 rule.
const refusedV4 = new BlockList();
const refusedV6 = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  refusedV4.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["::ffff:0:0", 96],
  ["64:ff9b::", 96],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  refusedV6.addSubnet(network, prefix, "ipv6");

/** Whether a webhook may connect to this IP address (v4 or v6, as written by DNS or a URL). */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "");
  const family = isIP(bare);
  if (family === 0) return false;
  return family === 4 ? !refusedV4.check(bare, "ipv4") : !refusedV6.check(bare, "ipv6");
}
