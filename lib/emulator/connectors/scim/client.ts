import type { ScimEndpoint } from "./endpoint";

/**
 * One SCIM endpoint over HTTP, as the provisioning service calls it: `Authorization: Bearer <SecretToken>`,
 * `Content-Type: application/scim+json`, redirects not followed, each attempt bounded in time and answer size.
 * 429 is retried at once (Retry-After honoured, capped): the logs' error table says a TooManyRequests attempt "is
 * automatically retried"; 5xx and timeouts are not (they are "retried in 40 minutes": the next cycle). The token is
 * only ever in the Authorization header: never in an exchange, an error or a log line.
 */

export interface ScimProblem {
  /** The SCIM error's `scimType`, else what made the exchange unusable (`redirect`, `notScimJson`, `tooLarge`, `timeout`, `unreachable`, `invalidToken`; sync.ts adds `missingId`, `multipleMatches`, `notListResponse`). */
  kind: string;
  /** What went wrong, for the provisioning log's reason: the SCIM `detail` or the connector's own description. */
  detail: string;
}

export interface ScimExchange {
  method: string;
  /** Relative to the base address, with the query. */
  path: string;
  /** 0: no HTTP answer (timeout, connection refused). */
  status: number;
  attempts: number;
  /** The parsed SCIM JSON answer (absent for 204 and unusable answers). */
  body?: Record<string, unknown>;
  problem?: ScimProblem;
}

export interface ScimClientOptions {
  timeoutMs?: number;
  maxResponseBytes?: number;
  /** Attempts for 429, including the first. */
  attempts?: number;
  /** Longest wait between attempts (a larger Retry-After is capped to it). */
  maxRetryDelayMs?: number;
}

const DEFAULTS = { timeoutMs: 10_000, maxResponseBytes: 1_048_576, attempts: 3, maxRetryDelayMs: 2_000 } as const;

/** The endpoint's address and a path under it (a base without a path must not give `//Users`). */
export const urlOf = (base: URL, path: string) => `${base.href.replace(/\/+$/, "")}${path}`;

/** Retry-After: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
function retryAfterMs(value: string | null): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Whether an exchange got no usable connection: the rest of a cycle would wait the same way (cycle.ts stops). */
export const unreachable = (exchange: ScimExchange) => exchange.problem?.kind === "timeout" || exchange.problem?.kind === "unreachable";

const SCIM_JSON = /^application\/(scim\+)?json\s*(;|$)/i;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads at most `limit` bytes of a body; null when it is longer (the rest is not read). */
async function boundedText(response: Response, limit: number): Promise<string | null> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** How a SCIM error answer (RFC 7644 §3.12) reads, or what the status alone says. */
function errorProblem(status: number, body: Record<string, unknown> | undefined): ScimProblem {
  const detail = typeof body?.detail === "string" && body.detail ? body.detail : `The endpoint answered HTTP ${status} without a SCIM error detail.`;
  const kind = typeof body?.scimType === "string" && body.scimType ? body.scimType : `http${status}`;
  return { kind, detail };
}

export class ScimClient {
  private readonly options: Required<ScimClientOptions>;

  constructor(
    private readonly endpoint: ScimEndpoint,
    options: ScimClientOptions = {},
    /** Aborts every exchange (the emulator was reset: its tenant's cycles stop). */
    private readonly stopped?: AbortSignal,
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  async send(method: string, path: string, body?: unknown): Promise<ScimExchange> {
    let exchange: ScimExchange | undefined;
    for (let attempt = 1; attempt <= this.options.attempts; attempt++) {
      const { result, retryAfter } = await this.attempt(method, path, body);
      exchange = { ...this.redacted(result), attempts: attempt };
      if (result.status !== 429 || attempt === this.options.attempts || this.stopped?.aborted) break;
      await sleep(Math.min(retryAfter ?? 200 * 2 ** (attempt - 1), this.options.maxRetryDelayMs));
    }
    return exchange!;
  }

  /** An endpoint that echoes the request (its Authorization header) must not put the token into a step or an error. */
  private redacted(result: Omit<ScimExchange, "attempts">): Omit<ScimExchange, "attempts"> {
    const token = this.endpoint.token;
    if (!token) return result;
    const hide = (text: string) => text.split(token).join("*****");
    const body = result.body && JSON.stringify(result.body).includes(token) ? (JSON.parse(hide(JSON.stringify(result.body))) as Record<string, unknown>) : result.body;
    return { ...result, body, problem: result.problem && { ...result.problem, detail: hide(result.problem.detail) } };
  }

  private async attempt(method: string, path: string, body: unknown): Promise<{ result: Omit<ScimExchange, "attempts">; retryAfter?: number }> {
    const base = { method, path };
    const signal = this.stopped ? AbortSignal.any([this.stopped, AbortSignal.timeout(this.options.timeoutMs)]) : AbortSignal.timeout(this.options.timeoutMs);
    const failed = (error: unknown): { result: Omit<ScimExchange, "attempts"> } => {
      const name = error instanceof Error ? error.name : "";
      if (name === "TimeoutError" || name === "AbortError")
        return { result: { ...base, status: 0, problem: { kind: "timeout", detail: this.stopped?.aborted ? "The exchange was stopped: the emulator was reset." : `The endpoint did not answer within ${this.options.timeoutMs / 1000} seconds.` } } };
      // fetch refuses a header value it cannot send (a token with a line break or a non-Latin-1 character).
      if (error instanceof TypeError && /header/i.test(`${error.message} ${(error.cause as Error | undefined)?.message ?? ""}`))
        return { result: { ...base, status: 0, problem: { kind: "invalidToken", detail: "The secret token has characters that cannot be sent in an HTTP header." } } };
      const code = (error as { cause?: { code?: string } }).cause?.code;
      return { result: { ...base, status: 0, problem: { kind: "unreachable", detail: `The endpoint ${this.endpoint.base.origin} could not be reached (${code ?? "connection failed"}).` } } };
    };
    let response: Response;
    try {
      response = await fetch(urlOf(this.endpoint.base, path), {
        method,
        redirect: "manual",
        signal,
        headers: {
          Accept: "application/scim+json",
          Authorization: `Bearer ${this.endpoint.token}`,
          ...(body === undefined ? {} : { "Content-Type": "application/scim+json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      return failed(error);
    }
    const { status } = response;
    const retryAfter = retryAfterMs(response.headers.get("retry-after"));
    if (status >= 300 && status < 400) {
      await response.body?.cancel().catch(() => undefined);
      return { result: { ...base, status, problem: { kind: "redirect", detail: `The endpoint answered HTTP ${status} (a redirect to ${response.headers.get("location") ?? "nowhere"}); redirects are not followed.` } } };
    }
    let text: string | null;
    try {
      text = await boundedText(response, this.options.maxResponseBytes);
    } catch (error) {
      // The timeout (or a reset) can strike while the body streams in.
      return failed(error);
    }
    if (text === null) return { result: { ...base, status, problem: { kind: "tooLarge", detail: `The answer is larger than ${this.options.maxResponseBytes} bytes.` } } };
    let parsed: Record<string, unknown> | undefined;
    if (text.trim() !== "") {
      const type = response.headers.get("content-type") ?? "";
      try {
        const json: unknown = SCIM_JSON.test(type) ? JSON.parse(text) : undefined;
        if (json && typeof json === "object" && !Array.isArray(json)) parsed = json as Record<string, unknown>;
      } catch {
        // Reported below as not SCIM JSON.
      }
      if (!parsed) {
        const problem = { kind: "notScimJson", detail: `The endpoint answered HTTP ${status} with ${type ? `'${type.split(";")[0]}'` : "no content type"}, not SCIM JSON.` };
        return { result: { ...base, status, problem }, retryAfter };
      }
    }
    if (status >= 400) return { result: { ...base, status, body: parsed, problem: errorProblem(status, parsed) }, retryAfter };
    return { result: { ...base, status, body: parsed } };
  }
}
