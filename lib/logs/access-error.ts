import { GraphError, type GraphErrorInfo } from "@/lib/graph/graph-error";

/** Entra's answers when the logs' permissions are not granted: consent missing (65001), declined (65004), admin-only (90094). */
const CONSENT_AADSTS = /AADSTS(65001|65004|90094)\b/;
const CONSENT_CODES = new Set(["consent_required", "access_denied"]);

const property = (error: unknown, name: string): string => {
  const value = typeof error === "object" && error !== null ? (error as Record<string, unknown>)[name] : undefined;
  return typeof value === "string" ? value : "";
};

/**
 * When a logs read failed because this account may not read logs — Graph's 403 (a missing AuditLog.Read.All
 * or Directory.Read.All, or a role that may not read them) or a refused consent from MSAL — that failure as
 * GraphErrorInfo for LogsAccessProblem; null for any other failure (shown as a Graph error with retry).
 */
export function logsAccessError(error: unknown): GraphErrorInfo | null {
  if (error instanceof GraphError) return error.info.kind === "forbidden" ? error.info : null;
  const code = property(error, "errorCode");
  const message = `${property(error, "errorMessage")} ${property(error, "message")}`.trim();
  if (!CONSENT_CODES.has(code) && !CONSENT_AADSTS.test(message)) return null;
  return { kind: "forbidden", status: 0, code: code || (CONSENT_AADSTS.exec(message)?.[0] ?? "consent_required"), message };
}
