import { credentialErrorFor } from "../engine/credentials";
import { createJob, pauseJob, startJob } from "../engine/operations";
import { Tenant, type TemplateRecord } from "../store/tenant";
import { firstPartyServicePrincipals } from "./firstParty";
import { gallerySeed, type AppSeed } from "./gallery";
import { scaledSeed } from "./scale";
import { defaultSchema } from "./schemas";
import { servicePrincipal } from "./servicePrincipal";

/** Builds the seed tenant at engine time `now`: gallery apps, first-party SPs, then `scale` generated SPs. */
export function buildTenant(options: { now: number; scale?: number }): Tenant {
  const tenant = new Tenant();
  const apps = gallerySeed();
  for (const app of apps.slice(0, -1)) addApp(tenant, app, options.now);
  for (const sp of firstPartyServicePrincipals()) tenant.add(sp);
  addApp(tenant, apps[apps.length - 1], options.now);
  for (const app of scaledSeed(Math.max(0, Math.floor(options.scale ?? 0)))) addApp(tenant, app, options.now);
  return tenant;
}

function addApp(tenant: Tenant, app: AppSeed, now: number): void {
  const sp = servicePrincipal(app.sp);
  const templates: TemplateRecord[] = app.templates.map((template) => ({
    id: template.id,
    applicationId: sp.appId,
    default: template.default,
    description: template.description,
    discoverable: true,
    factoryTag: template.factoryTag,
    metadata: Object.entries(template.metadata).map(([key, value]) => ({ key, value })),
    schema: defaultSchema(template.id, template.shape),
    settings: template.settings ?? [],
  }));
  const secrets = app.secrets ?? [];
  tenant.add(sp, { templates, secrets });
  const jobs = tenant.synchronization(sp.id).jobs;
  for (const seed of app.jobs) {
    const template = templates.find((candidate) => candidate.id === seed.templateId)!;
    const at = (hoursAgo: number) => now - Math.round(hoursAgo * 3_600_000);
    const [, createdAgo] = seed.timeline[0];
    const job = createJob({ id: seed.id, templateId: seed.templateId, servicePrincipalId: sp.id, settings: template.settings, escrowy: seed.escrowy, now: at(createdAgo) });
    for (const [operation, hoursAgo] of seed.timeline.slice(1)) {
      if (operation === "start") startJob(job, at(hoursAgo), credentialErrorFor(secrets, template.factoryTag));
      if (operation === "pause") pauseJob(job, at(hoursAgo));
    }
    jobs.set(job.id, job);
  }
}
