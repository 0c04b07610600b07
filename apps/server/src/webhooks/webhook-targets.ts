import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import type { WebhookTargets } from "@canaduck/domain";
import { isPublicAddress } from "./address-policy";

/** `host` or `host:port` entries (WEBHOOK_ALLOWED_HOSTS) exempt from the private-address refusal. */
export interface TargetPolicy {
  allowedHosts: readonly string[];
}

const bareHost = (hostname: string) => hostname.replace(/^\[|\]$/g, "").toLowerCase();

const defaultPort = (url: URL) => url.port || (url.protocol === "https:" ? "443" : "80");

/** Whether the allow-list names this URL's host (any port) or its host and port. */
export function isAllowListed(policy: TargetPolicy, url: URL): boolean {
  const host = bareHost(url.hostname);
  return policy.allowedHosts.some((entry) => {
    const lowered = entry.toLowerCase();
    return lowered === host || lowered === `${host}:${defaultPort(url)}` || lowered === `[${host}]:${defaultPort(url)}`;
  });
}

const resolveAll = (host: string): Promise<LookupAddress[]> =>
  new Promise((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

/** Why this URL's scheme or form is refused, or null; before any name is resolved. */
export function formRefusal(raw: string): { refusal: string } | { url: URL } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { refusal: "it is not a URL" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { refusal: "only http and https URLs are allowed" };
  if (url.username !== "" || url.password !== "") return { refusal: "a URL may not carry a user name or password" };
  return { url };
}

/**
 * The addresses a host name resolves to, if every one of them is public; a name that also
 * resolves to a private address is refused outright, since a resolver may answer either.
 */
export async function publicAddressesOf(host: string): Promise<{ addresses: LookupAddress[] } | { refusal: string }> {
  const bare = bareHost(host);
  if (isIP(bare) !== 0)
    return isPublicAddress(bare)
      ? { addresses: [{ address: bare, family: isIP(bare) }] }
      : { refusal: `${bare} is a loopback, private or reserved address` };
  let addresses: LookupAddress[];
  try {
    addresses = await resolveAll(bare);
  } catch {
    return { refusal: `${bare} does not resolve` };
  }
  const inside = addresses.find((a) => !isPublicAddress(a.address));
  if (inside !== undefined) return { refusal: `${bare} resolves to ${inside.address}, a private or reserved address` };
  if (addresses.length === 0) return { refusal: `${bare} does not resolve` };
  return { addresses };
}

/** The domain's port: refuses at creation what a delivery would refuse. */
export function webhookTargets(policy: TargetPolicy): WebhookTargets {
  return {
    async refusal(raw) {
      const form = formRefusal(raw);
      if ("refusal" in form) return form.refusal;
      if (isAllowListed(policy, form.url)) return null;
      const resolved = await publicAddressesOf(form.url.hostname);
      return "refusal" in resolved ? resolved.refusal : null;
    },
  };
}

/**
 * A `lookup` for http.request that connects only to an address it has just checked: the
 * socket is opened to the very address returned here, so a name that resolves to a public
 * address when checked and to a private one a moment later (DNS rebinding) cannot slip through.
 */
export function checkedLookup(policy: TargetPolicy, url: URL): LookupFunction {
  const exempt = isAllowListed(policy, url);
  return (hostname, options, callback) => {
    const answer = (error: Error | null, address: LookupAddress | undefined) => {
      if (error !== null || address === undefined) {
        callback(error ?? new Error(`${hostname} does not resolve`), "", 0);
        return;
      }
      if (options.all) callback(null, [address]);
      else callback(null, address.address, address.family);
    };
    if (exempt) {
      resolveAll(bareHost(hostname)).then(
        (all) => answer(null, all[0]),
        (error: Error) => answer(error, undefined),
      );
      return;
    }
    publicAddressesOf(hostname).then(
      (resolved) =>
        "refusal" in resolved
          ? answer(new Error(`refused: ${resolved.refusal}`), undefined)
          : answer(null, resolved.addresses[0]),
      (error: Error) => answer(error, undefined),
    );
  };
}
