/** The embedded tenant's people. Scopes are delegated Graph permissions (DESIGN §4). */
export const TENANT_ID = "7e3f1c2a-5b8d-4e6f-9a1b-2c3d4e5f6a7b";
export const TENANT_NAME = "Contoso (embedded)";
export const GRAPH_AUDIENCE = "https://graph.microsoft.com";
/** Graph's first-party application id; Entra also accepts it as an audience. */
export const GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

export type PersonaId = "admin" | "reader" | "nosync" | "auditor";

export interface Persona {
  id: PersonaId;
  oid: string;
  name: string;
  upn: string;
  role: string;
  /** One line for the sign-in page: what this person can do in the console. */
  can: string;
  scopes: readonly string[];
}

export const PERSONAS: Record<PersonaId, Persona> = {
  admin: {
    id: "admin",
    oid: "0c5a1d3e-8f2b-4a6c-9d7e-1f2a3b4c5d01",
    name: "Adele Vance",
    upn: "adele.vance@contoso.example",
    role: "Provisioning administrator (Application Administrator)",
    can: "Can do everything: change jobs, assign people and groups to apps, edit people, read logs.",
    scopes: [
      "Application.Read.All",
      "Synchronization.ReadWrite.All",
      "AuditLog.Read.All",
      "Directory.Read.All",
      "User.Read.All",
      "GroupMember.Read.All",
      "AppRoleAssignment.ReadWrite.All",
      "User.ReadWrite.All",
    ],
  },
  reader: {
    id: "reader",
    oid: "0c5a1d3e-8f2b-4a6c-9d7e-1f2a3b4c5d02",
    name: "Megan Bowen",
    upn: "megan.bowen@contoso.example",
    role: "Read-only administrator (Global Reader)",
    can: "Can see apps, jobs, people, assignments and logs, but change nothing.",
    scopes: ["Application.Read.All", "Synchronization.Read.All", "AuditLog.Read.All", "Directory.Read.All", "User.Read.All", "GroupMember.Read.All"],
  },
  nosync: {
    id: "nosync",
    oid: "0c5a1d3e-8f2b-4a6c-9d7e-1f2a3b4c5d03",
    name: "Alex Wilber",
    upn: "alex.wilber@contoso.example",
    role: "User without synchronization permissions",
    can: "Can see apps only; jobs, people and logs are hidden.",
    scopes: ["Application.Read.All"],
  },
  auditor: {
    id: "auditor",
    oid: "0c5a1d3e-8f2b-4a6c-9d7e-1f2a3b4c5d04",
    name: "Lidia Holloway",
    upn: "lidia.holloway@contoso.example",
    role: "Auditor (Reports Reader)",
    can: "Can read audit and provisioning logs, apps and people; jobs are hidden.",
    scopes: ["AuditLog.Read.All", "Directory.Read.All"],
  },
};

export function isPersonaId(value: unknown): value is PersonaId {
  return typeof value === "string" && Object.hasOwn(PERSONAS, value);
}
