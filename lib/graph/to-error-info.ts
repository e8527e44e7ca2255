import { GraphError, type GraphErrorInfo } from "./graph-error";

/** Any failure of a Graph call as GraphErrorInfo, so every screen shows errors the same way. */
export function toErrorInfo(error: unknown): GraphErrorInfo {
  if (error instanceof GraphError) return error.info;
  return { kind: "unexpected", status: 0, code: error instanceof Error ? error.name : "Error", message: error instanceof Error ? error.message : String(error) };
}
