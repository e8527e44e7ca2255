import { ATTRIBUTE_MAPPING_FUNCTIONS, FILTER_OPERATORS } from "../../seed/schemaCatalog";
import { noContent, ok, type GraphResult } from "../types";
import { findJob, objectBody, odataContext, templateOf, type SyncContext } from "./context";
import type { JobRecord } from "../../engine/types";
import { requireSynchronizationSchema } from "./model";

/** …/schema (job or template): get, replace (PUT), reset (DELETE), filterOperators, functions. */
export function jobSchema(c: SyncContext, job: JobRecord): unknown {
  return job.schema ?? templateOf(c, job)?.schema ?? { id: job.templateId, version: null, directories: [], synchronizationRules: [] };
}

export function getSchema(c: SyncContext, schema: unknown, suffix: string): GraphResult {
  return ok({ "@odata.context": odataContext(c, `${suffix}/schema/$entity`), ...(schema as object) });
}

export function putJobSchema(c: SyncContext, jobId: string): GraphResult {
  const job = findJob(c, jobId);
  const body = objectBody(c.req);
  requireSynchronizationSchema(body);
  const schema = Object.fromEntries(Object.entries(body).filter(([name]) => !name.startsWith("@")));
  job.schema = { id: job.templateId, ...schema, version: `Date:${new Date(c.state.clock.now()).toISOString()};Version:custom` };
  return noContent();
}

export function deleteJobSchema(c: SyncContext, jobId: string): GraphResult {
  findJob(c, jobId).schema = null;
  return noContent();
}

export function filterOperators(c: SyncContext): GraphResult {
  return ok({ "@odata.context": `${c.req.origin}/${c.req.version}/$metadata#filterOperators`, value: FILTER_OPERATORS });
}

export function functions(c: SyncContext): GraphResult {
  return ok({ "@odata.context": `${c.req.origin}/${c.req.version}/$metadata#functions`, value: ATTRIBUTE_MAPPING_FUNCTIONS });
}
