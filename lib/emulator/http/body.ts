import type { IncomingMessage } from "node:http";
import { GraphError, INVALID_JSON_MESSAGE, badRequest } from "./errors";

export const MAX_BODY_BYTES = 1024 * 1024;

/** The client went away (or timed out) before its body arrived: nobody is left to answer, so no 500 and no log noise. */
export const incompleteBody = () => new GraphError(400, "BadRequest", "The request body was not received completely.");

export const tooLarge = () =>
  new GraphError(413, "RequestEntityTooLarge", `The request body exceeds the maximum size of ${MAX_BODY_BYTES} bytes.`, {
    Connection: "close",
  });

/** Reads the whole body, refusing more than 1 MB (413) before or while reading. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on("data", (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        failed = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on("error", () => {
      if (!failed) reject(incompleteBody());
    });
  });
}

export function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  const type = value.split(";")[0].trim().toLowerCase();
  return type === "application/json" || type.endsWith("+json");
}

/** Parses a JSON body; empty body → undefined. Graph answers 400 for unreadable payloads. */
export function parseJsonBody(raw: Buffer | string, contentType: string | undefined): unknown {
  const text = typeof raw === "string" ? raw : raw.toString("utf8");
  if (text.trim() === "") return undefined;
  if (!isJsonContentType(contentType)) throw badRequest(INVALID_JSON_MESSAGE);
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest(INVALID_JSON_MESSAGE);
  }
}
