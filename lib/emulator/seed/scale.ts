import { hashGuid, hashHex32, hashInt } from "../engine/random";
import { type AppSeed, type JobEvent, GOOD_SECRETS } from "./gallery";

/** `EMULATOR_SCALE=N`: N generated service principals, every 7th with a SCIM template and a job. */
const PREFIXES = ["Northwind", "Fabrikam", "Tailspin", "Woodgrove", "Litware", "Adatum", "Proseware", "Wingtip", "Coho", "Alpine"];
const PRODUCTS = ["Payroll", "Expenses", "CRM", "Helpdesk", "Wiki", "Travel", "Learning", "Analytics", "Recruiting", "Badges", "Inventory"];
const TIMELINES: JobEvent[][] = [
  [["create", 240], ["start", 240]], // active
  [["create", 48]], // not configured
  [["create", 300], ["start", 300], ["pause", 30]], // paused
  [["create", 1], ["start", 0.1]], // initial cycle
  [["create", 100], ["start", 72]], // quarantined (bad secret below)
];

export function scaledSeed(count: number): AppSeed[] {
  const apps: AppSeed[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${PREFIXES[hashInt(0, PREFIXES.length - 1, "prefix", i)]} ${PRODUCTS[hashInt(0, PRODUCTS.length - 1, "product", i)]} ${String(i + 1).padStart(4, "0")}`;
    const withJob = i % 7 === 3;
    const kind = Math.floor(i / 7) % TIMELINES.length;
    apps.push({
      sp: {
        id: hashGuid(`scale:sp:${i}`),
        appId: hashGuid(`scale:app:${i}`),
        displayName: name,
        createdDateTime: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString().slice(0, 19) + "Z",
        publisherName: "Contoso",
        tags: ["WindowsAzureActiveDirectoryIntegratedApp"],
        applicationTemplateId: withJob ? "8adf8e6e-67b2-4cf2-a259-e3dc5476c621" : null,
      },
      templates: withJob
        ? [{ id: "scim", factoryTag: "CustomSCIM", default: true, description: "Provision users and groups to any SCIM 2.0 endpoint.", metadata: { galleryApplicationIdentifier: "scim" }, shape: { source: "Azure Active Directory", target: "customappsso", groups: true } }]
        : [],
      secrets: withJob ? (kind === 4 ? [{ key: "SecretToken", value: "revoked-token" }] : GOOD_SECRETS) : undefined,
      jobs: withJob ? [{ id: `scim.${hashHex32(`scale:job:${i}`)}`, templateId: "scim", timeline: TIMELINES[kind] }] : [],
    });
  }
  return apps;
}
