import { describe, expect, it } from "vitest";
import { isPublicAddress } from "./address-policy";

describe("the addresses a webhook may reach", () => {
  it("refuses loopback, private, link-local, CGNAT, multicast and their IPv4-mapped forms", () => {
    for (const address of [
      "127.0.0.1",
      "127.255.0.9",
      "0.0.0.0",
      "10.0.0.1",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "224.0.0.1",
      "255.255.255.255",
      "::1",
      "::",
      "[::1]",
      "fc00::1",
      "fd12:3456::1",
      "fe80::1",
      "ff02::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "::ffff:8.8.8.8",
      "not an address",
    ])
      expect([address, isPublicAddress(address)]).toEqual([address, false]);
  });

  it("lets public addresses through", () => {
    for (const address of ["8.8.8.8", "93.184.215.14", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "[2001:db8::1]"])
      expect([address, isPublicAddress(address)]).toEqual([address, true]);
  });
});
