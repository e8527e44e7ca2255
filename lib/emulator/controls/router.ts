import { settleRemoteCycles } from "../engine/provisioner";
import { issueGraphAccessToken, setAccessTokenLifetime } from "../auth/tokens";
import { isPersonaId, PERSONAS } from "../auth/personas";
import { parseDurationMs } from "../engine/duration";
import { evaluate } from "../engine/evaluate";
import { parseJsonBody } from "../http/body";
import { GraphError, badRequest, notFound } from "../http/errors";
import type { EmulatorInstance } from "../instance";
import { validateFault } from "./faults";

/** `/_emulator/...`: test and demo controls (no auth). Documented in lib/emulator/README.md. */
export interface ControlResult {
  status: number;
  body?: unknown;
}

/** A control request's body as received; POST handlers read it through `json`. */
export interface ControlBody {
  raw: Buffer;
  contentType: string | undefined;
}

const isApplicationJson = (contentType: string | undefined) => contentType?.split(";")[0].trim().toLowerCase() === "application/json";

/**
 * A POST's body as JSON. Content-Type must be application/json, with a body or without: a browser can send
 * text/plain (or no body) cross-origin without a preflight, application/json it cannot (issue 21).
 */
function json(body: ControlBody): unknown {
  if (!isApplicationJson(body.contentType))
    throw new GraphError(415, "UnsupportedMediaType", "Control requests must be sent with 'Content-Type: application/json' (also when the body is empty).");
  return parseJsonBody(body.raw, "application/json");
}

const asObject = (body: unknown): Record<string, unknown> => {
  if (body === undefined) return {};
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw badRequest("The request body must be a JSON object.");
  return body as Record<string, unknown>;
};

const notAllowed = (method: string) => new GraphError(405, "MethodNotAllowed", `The HTTP method '${method}' is not allowed here.`);

function clockState(emulator: EmulatorInstance) {
  return { now: new Date(emulator.state.clock.now()).toISOString(), speed: emulator.state.clock.speed };
}

function scaleOf(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 200_000) throw badRequest("'scale' must be an integer between 0 and 200000.");
  return value;
}

export async function handleControl(method: string, segments: string[], received: ControlBody, emulator: EmulatorInstance): Promise<ControlResult> {
  const [name, sub] = segments;
  const { state } = emulator;
  switch (name ?? "") {
    case "":
    case "health":
      if (method !== "GET") throw notAllowed(method);
      return {
        status: 200,
        body: { ok: true, scale: emulator.scale, servicePrincipals: state.tenant.servicePrincipals.length, clock: clockState(emulator), personas: Object.keys(PERSONAS) },
      };
    case "reset": {
      if (method !== "POST") throw notAllowed(method);
      emulator.reset(scaleOf(asObject(json(received)).scale));
      return { status: 200, body: { ok: true, scale: emulator.scale, servicePrincipals: state.tenant.servicePrincipals.length } };
    }
    case "clock": {
      if (method === "GET") return { status: 200, body: clockState(emulator) };
      if (method !== "POST") throw notAllowed(method);
      const input = asObject(json(received));
      if (input.speed !== undefined) {
        if (typeof input.speed !== "number" || !Number.isFinite(input.speed) || input.speed < 0 || input.speed > 10_000_000)
          throw badRequest("'speed' must be a number between 0 and 10000000.");
        // A new pace settles every job at now: SCIM cycles that are due run first, as before a write.
        await settleRemoteCycles(state.tenant, state.clock);
        emulator.setClockSpeed(input.speed);
      }
      let advance = 0;
      if (input.advanceSeconds !== undefined) {
        if (typeof input.advanceSeconds !== "number" || !Number.isFinite(input.advanceSeconds) || input.advanceSeconds < 0)
          throw badRequest("'advanceSeconds' must be a non-negative number.");
        advance += input.advanceSeconds * 1000;
      }
      if (input.advance !== undefined) {
        const ms = typeof input.advance === "string" ? parseDurationMs(input.advance) : null;
        if (ms === null) throw badRequest("'advance' must be an ISO 8601 duration such as PT45M or P1DT2H.");
        advance += ms;
      }
      if (advance > 0) state.clock.advance(advance);
      return { status: 200, body: clockState(emulator) };
    }
    case "settings": {
      if (method === "GET") return { status: 200, body: state.settings };
      if (method !== "POST") throw notAllowed(method);
      const input = asObject(json(received));
      if (input.accessTokenLifetimeSeconds !== undefined) {
        const seconds = input.accessTokenLifetimeSeconds;
        if (typeof seconds !== "number" || !Number.isInteger(seconds) || seconds < 1 || seconds > 86_400)
          throw badRequest("'accessTokenLifetimeSeconds' must be an integer between 1 and 86400.");
        state.settings.accessTokenLifetimeSeconds = seconds;
        setAccessTokenLifetime(seconds); // the identity provider's tokens (process-wide)
      }
      if (input.createJobStatus !== undefined) {
        if (input.createJobStatus !== 200 && input.createJobStatus !== 201) throw badRequest("'createJobStatus' must be 200 or 201.");
        state.settings.createJobStatus = input.createJobStatus;
      }
      return { status: 200, body: state.settings };
    }
    case "faults": {
      if (sub !== undefined) {
        if (method !== "DELETE") throw notAllowed(method);
        if (!emulator.faults.remove(sub)) throw notFound(`No fault with id '${sub}'.`, "NotFound");
        return { status: 204 };
      }
      if (method === "GET") return { status: 200, body: { value: emulator.faults.list() } };
      if (method === "DELETE") {
        emulator.faults.clear();
        return { status: 204 };
      }
      if (method !== "POST") throw notAllowed(method);
      const body = json(received);
      const specs = Array.isArray(body) ? body : [body];
      const added = specs.map((spec) => validateFault(spec)).map((spec) => emulator.faults.add(spec));
      return { status: 201, body: Array.isArray(body) ? { value: added } : added[0] };
    }
    case "target": {
      // GET /_emulator/target/{servicePrincipalId}/{jobId}: the accounts a job has provisioned into its target app.
      if (method !== "GET") throw notAllowed(method);
      const [, spId = "", jobId = ""] = segments;
      const sp = state.tenant.servicePrincipal(spId);
      const job = sp ? state.tenant.synchronization(sp.id).jobs.get(jobId) : undefined;
      if (!job?.provisioner) throw notFound(`No job '${jobId}' on service principal '${spId}'.`);
      // The cycles that have ended run before their results are read (a SCIM endpoint's over HTTP).
      await settleRemoteCycles(state.tenant, state.clock, sp!.id);
      evaluate(job, state.clock.now());
      return { status: 200, body: { value: job.provisioner.target.all() } };
    }
    case "requests": {
      if (method === "GET") return { status: 200, body: { value: emulator.log.list() } };
      if (method === "DELETE") {
        emulator.log.clear();
        return { status: 204 };
      }
      throw notAllowed(method);
    }
    case "token": {
      if (method !== "POST") throw notAllowed(method);
      const input = asObject(json(received));
      if (!isPersonaId(input.persona)) throw badRequest(`'persona' must be one of: ${Object.keys(PERSONAS).join(", ")}.`);
      let lifetimeSeconds = state.settings.accessTokenLifetimeSeconds;
      if (input.lifetimeSeconds !== undefined) {
        if (typeof input.lifetimeSeconds !== "number" || !Number.isInteger(input.lifetimeSeconds) || input.lifetimeSeconds < -3600 || input.lifetimeSeconds > 86_400)
          throw badRequest("'lifetimeSeconds' must be an integer between -3600 and 86400.");
        lifetimeSeconds = input.lifetimeSeconds;
      }
      let scopes: string[] | undefined;
      if (input.scopes !== undefined) {
        if (!Array.isArray(input.scopes) || input.scopes.some((scope) => typeof scope !== "string")) throw badRequest("'scopes' must be an array of strings.");
        scopes = input.scopes as string[];
      }
      const { token, expiresIn } = await issueGraphAccessToken({ persona: input.persona, lifetimeSeconds, scopes });
      return { status: 200, body: { access_token: token, token_type: "Bearer", expires_in: expiresIn } };
    }
    default:
      throw notFound(`Unknown control '${name}'.`, "NotFound");
  }
}
