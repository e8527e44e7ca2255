import { seedDirectory } from "../directory/seed";
import { seedAssignments } from "../directory/seedAssignments";
import { credentialErrorFor } from "../engine/credentials";
import { configurationFieldsEntry } from "../targets/app-profiles";
import { createJob, pauseJob, startJob } from "../engine/operations";
import { attachProvisioner, runEndedCycles, usersInScope } from "../engine/provisioner";
import type { JobRecord } from "../engine/types";
import { seedSyncAudits } from "../logs/record";
import { Tenant, type TemplateRecord } from "../store/tenant";
import { firstPartyServicePrincipals } from "./firstParty";
import { gallerySeed, type AppSeed } from "./gallery";
import { scaledSeed } from "./scale";
import { defaultSchema } from "./schemas";
import { servicePrincipal } from "./servicePrincipal";

/**
 * Builds the seed tenant at engine time `now`: gallery apps, first-party SPs, then `scale` generated SPs;
 * the directory and who is assigned to which app; then the jobs, whose seeded history runs against them.
 */
export function buildTenant(options: { now: number; scale?: number }): Tenant {
  const tenant = new Tenant();
  const scale = Math.max(0, Math.floor(options.scale ?? 0));
  const gallery = gallerySeed();
  const apps = [...gallery, ...scaledSeed(scale)];
  for (const app of gallery.slice(0, -1)) addServicePrincipal(tenant, app);
  for (const sp of firstPartyServicePrincipals()) tenant.add(sp);
  for (const app of apps.slice(gallery.length - 1)) addServicePrincipal(tenant, app);
  // People and who is assigned to which app with a job (directory/seed.ts, directory/seedAssignments.ts).
  tenant.directory = seedDirectory(scale);
  tenant.assignments = seedAssignments(
    tenant.directory,
    apps.filter((app) => app.jobs.length > 0).map((app) => app.sp),
    apps.filter((app) => app.jobs.length === 0).map((app) => app.sp),
  );
  for (const app of apps) addJobs(tenant, app, options.now);
  // The seeded history is provisioned now, not by whichever request first reads a job.
  runEndedCycles(tenant, options.now);
  return tenant;
}

function addServicePrincipal(tenant: Tenant, app: AppSeed): void {
  const sp = servicePrincipal(app.sp);
  const templates: TemplateRecord[] = app.templates.map((template) => ({
    id: template.id,
    applicationId: sp.appId,
    default: template.default,
    description: template.description,
    discoverable: true,
    factoryTag: template.factoryTag,
    metadata: [...Object.entries(template.metadata).map(([key, value]) => ({ key, value })), ...[configurationFieldsEntry(template.factoryTag)].filter((entry) => entry !== null)],
    schema: defaultSchema(template.id, template.shape),
    settings: template.settings ?? [],
  }));
  tenant.add(sp, { templates, secrets: app.secrets ?? [] });
}

function addJobs(tenant: Tenant, app: AppSeed, now: number): void {
  const sp = tenant.servicePrincipal(app.sp.id)!;
  const { templates, secrets, jobs } = tenant.synchronization(sp.id);
  for (const seed of app.jobs) {
    const template = templates.find((candidate) => candidate.id === seed.templateId)!;
    const at = (hoursAgo: number) => now - Math.round(hoursAgo * 3_600_000);
    const [, createdAgo] = seed.timeline[0];
    const job = createJob({ id: seed.id, templateId: seed.templateId, servicePrincipalId: sp.id, settings: template.settings, escrowy: seed.escrowy, now: at(createdAgo) });
    attachProvisioner(job, tenant, sp, template);
    if (seed.escrowy) addConflictingAccount(job, tenant, sp.id);
    for (const [operation, hoursAgo] of seed.timeline.slice(1)) {
      if (operation === "start") startJob(job, at(hoursAgo), credentialErrorFor(secrets, template.factoryTag));
      if (operation === "pause") pauseJob(job, at(hoursAgo));
    }
    jobs.set(job.id, job);
    seedSyncAudits(tenant, sp, job.id, seed.timeline.map(([operation, hoursAgo]) => [operation, at(hoursAgo)] as const));
  }
}

/**
 * A job seeded with escrows fails for real: its app already holds an account, made in the app and not by
 * provisioning, with the work email of one person in scope, so creating that person's account conflicts.
 */
function addConflictingAccount(job: JobRecord, tenant: Tenant, spId: string): void {
  const person = usersInScope(tenant, spId).find((user) => user.mail);
  if (!person || !job.provisioner) return;
  job.provisioner.target.create(
    "User",
    { userName: `${person.mailNickname}-legacy@${person.userPrincipalName.split("@")[1]}`, displayName: `${person.displayName} (legacy)`, 'emails[type eq "work"].value': person.mail, active: "True" },
    "",
  );
}
