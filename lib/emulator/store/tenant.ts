import { Assignments } from "../directory/assignments";
import { Directory } from "../directory/directory";
import type { SecretPair } from "../engine/credentials";
import type { JobRecord } from "../engine/types";
import { AuditLog } from "../logs/auditLog";
import { ProvisioningLog } from "../logs/provisioningLog";
import type { ServicePrincipal } from "../seed/servicePrincipal";

/** In-memory directory of one emulator instance: service principals and their synchronization. */
export interface TemplateRecord {
  id: string;
  applicationId: string;
  default: boolean;
  description: string | null;
  discoverable: boolean;
  factoryTag: string;
  /** Beta spelling (camelCase keys); v1.0 responses use PascalCase (SYNC-API §4.2). */
  metadata: { key: string; value: string }[];
  schema: Record<string, unknown>;
  settings: { name: string; value: string }[];
}

export interface SyncRecord {
  templates: TemplateRecord[];
  jobs: Map<string, JobRecord>;
  secrets: SecretPair[];
}

export class Tenant {
  readonly servicePrincipals: ServicePrincipal[] = [];
  /** Users, groups and memberships (`directory/`); set by `buildTenant`. */
  directory = new Directory();
  /** App role assignments: who is assigned to which service principal; set by `buildTenant`. */
  assignments = new Assignments();
  private readonly byId = new Map<string, ServicePrincipal>();
  private readonly byAppId = new Map<string, ServicePrincipal>();
  private readonly sync = new Map<string, SyncRecord>();
  /** `/auditLogs/provisioning`: the engine adds entries (`provisioningLog.add(event)`). */
  readonly provisioningLog = new ProvisioningLog();
  /** `/auditLogs/directoryAudits`: synchronization writes and engine incidents (logs/record.ts). */
  readonly audits = new AuditLog();
  /** Aborted when the emulator is reset: this tenant's SCIM cycles stop calling their endpoints. */
  private readonly retirement = new AbortController();
  readonly retired = this.retirement.signal;

  retire(): void {
    this.retirement.abort();
  }

  add(sp: ServicePrincipal, sync?: Partial<SyncRecord>): void {
    this.servicePrincipals.push(sp);
    this.byId.set(sp.id.toLowerCase(), sp);
    this.byAppId.set(sp.appId.toLowerCase(), sp);
    this.sync.set(sp.id, { templates: sync?.templates ?? [], jobs: sync?.jobs ?? new Map(), secrets: sync?.secrets ?? [] });
  }

  servicePrincipal(id: string): ServicePrincipal | undefined {
    return this.byId.get(id.toLowerCase());
  }

  servicePrincipalByAppId(appId: string): ServicePrincipal | undefined {
    return this.byAppId.get(appId.toLowerCase());
  }

  synchronization(spId: string): SyncRecord {
    let record = this.sync.get(spId);
    if (!record) {
      record = { templates: [], jobs: new Map(), secrets: [] };
      this.sync.set(spId, record);
    }
    return record;
  }

  /** A service principal's jobs; none for an id the tenant does not know. */
  jobsOf(spId: string): JobRecord[] {
    return [...(this.sync.get(spId)?.jobs.values() ?? [])];
  }

  allJobs(): JobRecord[] {
    return [...this.sync.values()].flatMap((record) => [...record.jobs.values()]);
  }
}
