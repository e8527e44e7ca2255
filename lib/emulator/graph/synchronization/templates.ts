import { ok, type GraphResult } from "../types";
import { findTemplate, odataContext, type SyncContext } from "./context";
import { templateJson } from "./serialize";

/** synchronization/templates: list and get (templates carry their default schema inline, as the docs show). */
export function listTemplates(c: SyncContext): GraphResult {
  return ok({ "@odata.context": odataContext(c, "templates"), value: c.sync.templates.map((t) => templateJson(t, c.req.version)) });
}

export function getTemplate(c: SyncContext, templateId: string): GraphResult {
  return ok({ "@odata.context": odataContext(c, "templates/$entity"), ...templateJson(findTemplate(c, templateId), c.req.version) });
}
