import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { addressKey, clientAddress } from "../../src/security/client-address";
import { defaultAllowedOrigins } from "../../src/security/origin-guard";

describe("security settings", () => {
  it("reads rate limits as actions per window, or off, and names a bad one", () => {
    const config = loadConfig({
      RATE_SEND_PER_USER: "5/10s",
      RATE_LOGIN_FAILURES_PER_ACCOUNT: "3 / 2h",
      RATE_JOIN_PER_ADDRESS: "off",
    });
    expect(config.security.rateLimits).toMatchObject({
      sendPerUser: { points: 5, durationSeconds: 10 },
      loginPerAccount: { points: 3, durationSeconds: 7200 },
      joinPerAddress: null,
      sendPerAddress: { points: 300, durationSeconds: 30 },
    });
    expect(() => loadConfig({ RATE_SEND_PER_USER: "lots" })).toThrow(
      /RATE_SEND_PER_USER: expected actions per window like 30\/10s/,
    );
    expect(() => loadConfig({ RATE_SEND_PER_USER: "0/10s" })).toThrow(/RATE_SEND_PER_USER/);
  });

  it("switches every limit off with RATE_LIMITS=off, and defaults the rest", () => {
    expect(Object.values(loadConfig({ RATE_LIMITS: "off" }).security.rateLimits).every((rule) => rule === null)).toBe(
      true,
    );
    expect(loadConfig({}).security).toMatchObject({ allowedOrigins: null, trustProxy: 0, maxChannelsPerUser: 200 });
    expect(
      loadConfig({ ALLOWED_ORIGINS: "https://a.example, https://b.example", TRUST_PROXY: "true" }).security,
    ).toMatchObject({
      allowedOrigins: ["https://a.example", "https://b.example"],
      trustProxy: 1,
    });
    expect(() => loadConfig({ TRUST_PROXY: "yes please" })).toThrow(/TRUST_PROXY/);
  });
});

describe("the default origin allow-list", () => {
  it("is this server on loopback and on the address it listens on, and Vite's dev server", () => {
    expect(defaultAllowedOrigins(3000, "127.0.0.1")).toEqual([
      "http://localhost:3000",
      "http://127.0.0.1:3000",
      "http://[::1]:3000",
      "http://127.0.0.1:3000",
      "http://localhost:5173",
      "http://127.0.0.1:5173",
    ]);
    expect(defaultAllowedOrigins(8080, "chat.lan")).toContain("http://chat.lan:8080");
    expect(defaultAllowedOrigins(8080, "fd00::5")).toContain("http://[fd00::5]:8080");
    // Listening everywhere names no address: such a server needs ALLOWED_ORIGINS.
    expect(defaultAllowedOrigins(8080, "0.0.0.0")).toHaveLength(5);
  });
});

describe("the address per-address limits count", () => {
  const peer = (address: string, forwarded?: string) => ({
    address,
    headers: forwarded === undefined ? {} : { "x-forwarded-for": forwarded },
  });

  it("is the TCP peer, whatever X-Forwarded-For claims, unless proxies are trusted", () => {
    expect(clientAddress(peer("198.51.100.4", "1.2.3.4"), 0)).toBe("198.51.100.4");
    expect(clientAddress(peer("::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
  });

  it("behind n trusted proxies, is the n-th address from the end of X-Forwarded-For", () => {
    expect(clientAddress(peer("10.0.0.2", "6.6.6.6, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientAddress(peer("10.0.0.2", "6.6.6.6, 203.0.113.7, 10.0.0.1"), 2)).toBe("203.0.113.7");
    // Fewer entries than proxies: the first one is the best there is.
    expect(clientAddress(peer("10.0.0.2", "203.0.113.7"), 2)).toBe("203.0.113.7");
    // No header or a garbage entry: the peer.
    expect(clientAddress(peer("10.0.0.2"), 1)).toBe("10.0.0.2");
    expect(clientAddress(peer("10.0.0.2", "not-an-ip"), 1)).toBe("10.0.0.2");
  });

  it("groups an IPv6 subscriber's /64, however the address is written", () => {
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
    expect(addressKey("203.0.113.9")).toBe("203.0.113.9");
  });
});
