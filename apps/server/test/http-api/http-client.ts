/** One HTTP answer as a test reads it. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or null for an empty one. */
  body: unknown;
  text: string;
}

export interface RequestOptions {
  token?: string;
  /** Sent as JSON unless it is a string, which is sent as is. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** A real HTTP request to a running server. */
export async function request(
  baseUrl: string,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<HttpAnswer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = null;
  if (text.length > 0) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** The code of a problem+json answer, or "ok" for a 2xx. */
export function codeOf(answer: HttpAnswer): string {
  if (answer.status >= 200 && answer.status < 300) return "ok";
  const body = answer.body as { code?: unknown } | null;
  return typeof body?.code === "string" ? body.code : `HTTP ${answer.status} without a code`;
}

/** A client bound to one server and, when given, one token. */
export function apiClient(baseUrl: string, token?: string) {
  const call = (method: string, path: string, options: Omit<RequestOptions, "token"> = {}) =>
    request(baseUrl, method, `/api/v1${path}`, { ...options, ...(token === undefined ? {} : { token }) });
  return {
    get: (path: string, options?: Omit<RequestOptions, "token" | "body">) => call("GET", path, options),
    post: (path: string, body?: unknown, headers?: Record<string, string>) =>
      call("POST", path, { body: body ?? {}, ...(headers ? { headers } : {}) }),
    put: (path: string, body?: unknown) => call("PUT", path, body === undefined ? {} : { body }),
    patch: (path: string, body: unknown) => call("PATCH", path, { body }),
    delete: (path: string) => call("DELETE", path),
  };
}
export type ApiClient = ReturnType<typeof apiClient>;
