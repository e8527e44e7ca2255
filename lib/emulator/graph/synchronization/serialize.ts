import type { Execution, JobRecord, StatusView } from "../../engine/types";
import type { TemplateRecord } from "../../store/tenant";
import type { GraphVersion } from "../types";

/** Graph JSON for jobs and templates. Non-nullable DateTimeOffsets that never happened are `0001-01-01T00:00:00Z`. */
export const NEVER = "0001-01-01T00:00:00Z";
const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNever = (ms: number | null) => (ms === null ? NEVER : iso(ms));

function execution(run: Execution | null) {
  if (!run) return null;
  return {
    activityIdentifier: run.activityIdentifier,
    countEntitled: run.countEntitled,
    countEntitledForProvisioning: run.countEntitledForProvisioning,
    countEscrowed: run.countEscrowed,
    countEscrowedRaw: run.countEscrowedRaw,
    countExported: run.countExported,
    countExports: run.countExports,
    countImported: run.countImported,
    countImportedDeltas: run.countImportedDeltas,
    countImportedReferenceDeltas: run.countImportedReferenceDeltas,
    error: run.error,
    state: run.state,
    timeBegan: iso(run.timeBegan),
    timeEnded: iso(run.timeEnded),
  };
}

const SCHEDULE_STATE = { disabled: "Disabled", running: "Active", paused: "Paused" } as const;
const TROUBLESHOOTING = "https://go.microsoft.com/fwlink/?linkid=2105915";

export function jobJson(job: JobRecord, view: StatusView) {
  const q = view.quarantine;
  return {
    id: job.id,
    templateId: job.templateId,
    schedule: { expiration: null, interval: job.interval, state: SCHEDULE_STATE[job.mode] },
    status: {
      code: view.code,
      countSuccessiveCompleteFailures: view.countSuccessiveCompleteFailures,
      escrowsPruned: view.escrowsPruned,
      lastExecution: execution(view.lastExecution),
      lastSuccessfulExecution: execution(view.lastSuccessfulExecution),
      lastSuccessfulExecutionWithExports: execution(view.lastSuccessfulExecutionWithExports),
      progress: view.progress.map((p) => ({
        completedUnits: p.completedUnits,
        progressObservationDateTime: iso(p.observedAt),
        totalUnits: p.totalUnits,
        units: p.units,
      })),
      quarantine: q
        ? {
            currentBegan: iso(q.currentBegan),
            nextAttempt: iso(q.nextAttempt),
            reason: q.reason,
            seriesBegan: iso(q.seriesBegan),
            seriesCount: q.seriesCount,
            error: q.error,
          }
        : null,
      steadyStateFirstAchievedTime: isoOrNever(view.steadyStateFirstAchievedTime),
      steadyStateLastAchievedTime: isoOrNever(view.steadyStateLastAchievedTime),
      synchronizedEntryCountByType: view.synchronizedEntryCountByType,
      troubleshootingUrl: q ? TROUBLESHOOTING : view.troubleshootingUrl,
    },
    synchronizationJobSettings: job.settings,
  };
}

/** v1.0 spells synchronizationMetadata members in PascalCase, beta in camelCase (SYNC-API §4.2). */
function metadataKey(key: string, version: GraphVersion): string {
  if (version === "beta") return key;
  return key.charAt(0).toUpperCase() + key.slice(1);
}

export function templateJson(template: TemplateRecord, version: GraphVersion) {
  return {
    id: template.id,
    applicationId: template.applicationId,
    default: template.default,
    description: template.description,
    discoverable: template.discoverable,
    factoryTag: template.factoryTag,
    metadata: template.metadata.map(({ key, value }) => ({ key: metadataKey(key, version), value })),
    schema: template.schema,
  };
}
