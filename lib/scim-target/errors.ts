/**
 * SCIM errors (RFC 7644 §3.12): every non-2xx answer of the target carries this body, with
 * `Content-Type: application/scim+json`.
 */
export const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

/** The `scimType` keywords of RFC 7644 §3.12, Table 9. */
export type ScimType =
  | "invalidFilter"
  | "tooMany"
  | "uniqueness"
  | "mutability"
  | "invalidSyntax"
  | "invalidPath"
  | "noTarget"
  | "invalidValue"
  | "invalidVers"
  | "sensitive";

export interface ScimErrorBody {
  schemas: [typeof ERROR_SCHEMA];
  status: string;
  scimType?: ScimType;
  detail: string;
}

export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly scimType: ScimType | undefined,
    detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = "ScimError";
  }

  body(): ScimErrorBody {
    return errorBody(this.status, this.scimType, this.message);
  }
}

export function errorBody(status: number, scimType: ScimType | undefined, detail: string): ScimErrorBody {
  return { schemas: [ERROR_SCHEMA], status: String(status), ...(scimType ? { scimType } : {}), detail };
}

export const badRequest = (scimType: ScimType, detail: string) => new ScimError(400, scimType, detail);
export const notFound = (detail: string) => new ScimError(404, undefined, detail);

const SCIM_TYPES = new Set<string>(["invalidFilter", "tooMany", "uniqueness", "mutability", "invalidSyntax", "invalidPath", "noTarget", "invalidValue", "invalidVers", "sensitive"]);

/**
 * scimmy reports problems two ways: `SCIMMY.Types.Error` (status and scimType set, e.g. PatchOp's invalidPath or
 * noTarget) and plain `TypeError` from attribute coercion ("Attribute 'active' expected value type 'boolean'…"),
 * which is what its own Resource classes answer as 400 invalidValue. Anything else is a bug here: rethrown.
 */
export function fromScimmy(error: unknown): ScimError {
  if (error instanceof ScimError) return error;
  if (error instanceof Error && error.name === "SCIMError") {
    const { status, scimType } = error as Error & { status?: unknown; scimType?: unknown };
    const code = typeof status === "number" && status >= 400 && status < 600 ? status : 400;
    const type = typeof scimType === "string" && SCIM_TYPES.has(scimType) ? (scimType as ScimType) : undefined;
    return new ScimError(code, type, error.message);
  }
  if (error instanceof TypeError) return badRequest("invalidValue", error.message);
  throw error;
}
