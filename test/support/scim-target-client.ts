import { startScimTarget, type ScimTarget, type ScimTargetOptions } from "@/lib/scim-target/server";

/** For lib/scim-target's tests: a target on a free port and a small SCIM client for it (real HTTP, fetch). */
export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export interface CallOptions {
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /** Default: the target's token. null: no Authorization header. */
  token?: string | null;
}

export interface TestTarget {
  target: ScimTarget;
  call(method: string, path: string, options?: CallOptions): Promise<Answer>;
  createUser(userName: string, extra?: Record<string, unknown>): Promise<Answer>;
  createGroup(displayName: string, extra?: Record<string, unknown>): Promise<Answer>;
  patch(path: string, operations: unknown[]): Promise<Answer>;
  close(): Promise<void>;
}

export async function startTestTarget(options: ScimTargetOptions = {}): Promise<TestTarget> {
  const target = await startScimTarget({ port: 0, ...options });
  const call = async (method: string, path: string, { headers = {}, body, token = target.token }: CallOptions = {}): Promise<Answer> => {
    const res = await fetch(`${target.url}${path}`, {
      method,
      headers: {
        ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
        ...(body === undefined ? {} : { "Content-Type": "application/scim+json" }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : undefined };
  };
  return {
    target,
    call,
    createUser: (userName, extra = {}) => call("POST", "/Users", { body: { schemas: [USER_SCHEMA], userName, ...extra } }),
    createGroup: (displayName, extra = {}) => call("POST", "/Groups", { body: { schemas: [GROUP_SCHEMA], displayName, ...extra } }),
    patch: (path, operations) => call("PATCH", path, { body: { schemas: [PATCH_OP], Operations: operations } }),
    close: () => target.close(),
  };
}

/** `?filter=…` with the expression percent-encoded. */
export const filterQuery = (expression: string) => `filter=${encodeURIComponent(expression)}`;
