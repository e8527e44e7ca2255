import type { ScimEndpoint } from "./endpoint";

/**
 * One SCIM endpoint over HTTP, as the provisioning service calls it: `Authorization: Bearer <SecretToken>`,
 * `Content-Type: application/scim+json`, redirects not followed, each attempt bounded in time and answer size.
 * 429 is retried at once (Retry-After honoured, capped): the logs' error table says a TooManyRequests attempt "is
 * automatically retried"; 5xx and timeouts are not (they are "retried in 40 minutes": the next cycle). The token is
 * only ever in the Authorization header: never in an exchange, an error or a log line.
 */

export interface ScimProblem {
  /** The SCIM error's `scimType`, else how the answer was unusable (`redirect`, `notScimJson`, `tooLarge`, `timeout`, `unreachable`). */
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
  durationMs: number;
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

export const SCIM_DEFAULTS = { timeoutMs: 10_000, maxResponseBytes: 1_048_576, attempts: 3, maxRetryDelayMs: 2_000 } as const;

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
  ) {
    this.options = { ...SCIM_DEFAULTS, ...options };
  }

  async send(method: string, path: string, body?: unknown): Promise<ScimExchange> {
    const started = performance.now();
    let exchange: ScimExchange | undefined;
    for (let attempt = 1; attempt <= this.options.attempts; attempt++) {
      const { result, retryAfterMs } = await this.attempt(method, path, body);
      exchange = { ...result, attempts: attempt, durationMs: Math.round(performance.now() - started) };
      if (result.status !== 429 || attempt === this.options.attempts) break;
      await sleep(Math.min(retryAfterMs ?? 200 * 2 ** (attempt - 1), this.options.maxRetryDelayMs));
    }
    return exchange!;
  }

  private async attempt(method: string, path: string, body: unknown): Promise<{ result: Omit<ScimExchange, "attempts" | "durationMs">; retryAfterMs?: number }> {
    const url = `${this.endpoint.base.href}${path}`;
    const base = { method, path };
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        redirect: "manual",
        signal: AbortSignal.timeout(this.options.timeoutMs),
        headers: {
          Accept: "application/scim+json",
          Authorization: `Bearer ${this.endpoint.token}`,
          ...(body === undefined ? {} : { "Content-Type": "application/scim+json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      const detail = timedOut
        ? `The endpoint did not answer within ${this.options.timeoutMs / 1000} seconds.`
        : `The endpoint ${this.endpoint.base.origin} could not be reached (${(error as { cause?: { code?: string } }).cause?.code ?? "connection failed"}).`;
      return { result: { ...base, status: 0, problem: { kind: timedOut ? "timeout" : "unreachable", detail } } };
    }
    const { status } = response;
    const retryAfter = Number(response.headers.get("retry-after"));
    const retryAfterMs = Number.isFinite(retryAfter) && retryAfter >= 0 && response.headers.has("retry-after") ? retryAfter * 1000 : undefined;
    if (status >= 300 && status < 400) {
      await response.body?.cancel();
      return { result: { ...base, status, problem: { kind: "redirect", detail: `The endpoint answered HTTP ${status} (a redirect to ${response.headers.get("location") ?? "nowhere"}); redirects are not followed.` } } };
    }
    const text = await boundedText(response, this.options.maxResponseBytes);
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
        return { result: { ...base, status, problem }, retryAfterMs };
      }
    }
    if (status >= 400) return { result: { ...base, status, body: parsed, problem: errorProblem(status, parsed) }, retryAfterMs };
    return { result: { ...base, status, body: parsed } };
  }
}
