import { PERSONAS } from "../auth/personas";
import { hashGuid, hashInt } from "../engine/random";
import { Directory } from "./directory";
import { GROUP, USER, type GroupKey, type UserKey } from "./ids";
import type { DirectoryGroup, DirectoryUser } from "./types";

/**
 * The seed directory of Contoso (embedded): 61 named members and 4 guests, 17 groups, a manager chain, and
 * with `scale` N another min(⌊N/10⌋, 5000) generated members. Deterministic: the same scale gives the same
 * directory, byte for byte. Domain `contoso.example`, as the sign-in personas.
 */
export const TENANT_DOMAIN = "contoso.example";
export const MAX_GENERATED_USERS = 5000;

export function generatedUserCount(scale: number): number {
  return Math.min(Math.floor(Math.max(0, scale) / 10), MAX_GENERATED_USERS);
}

interface Site {
  city: string;
  state: string | null;
  country: string;
  usageLocation: string;
  postalCode: string;
  streetAddress: string;
  phonePrefix: string;
  preferredLanguage: string;
  office: string;
}

const SITES: Record<string, Site> = {
  redmond: { city: "Redmond", state: "WA", country: "United States", usageLocation: "US", postalCode: "98052", streetAddress: "4500 Contoso Way", phonePrefix: "+1 425 555 0", preferredLanguage: "en-US", office: "18" },
  london: { city: "London", state: null, country: "United Kingdom", usageLocation: "GB", postalCode: "EC2A 4NE", streetAddress: "12 Example Street", phonePrefix: "+44 20 7946 0", preferredLanguage: "en-GB", office: "LON" },
  munich: { city: "Munich", state: "Bavaria", country: "Germany", usageLocation: "DE", postalCode: "80331", streetAddress: "Beispielstraße 5", phonePrefix: "+49 89 4520 0", preferredLanguage: "de-DE", office: "MUC" },
  amsterdam: { city: "Amsterdam", state: null, country: "Netherlands", usageLocation: "NL", postalCode: "1017 CE", streetAddress: "Voorbeeldgracht 20", phonePrefix: "+31 20 555 0", preferredLanguage: "nl-NL", office: "AMS" },
  paris: { city: "Paris", state: null, country: "France", usageLocation: "FR", postalCode: "75008", streetAddress: "8 rue de l'Exemple", phonePrefix: "+33 1 55 55 0", preferredLanguage: "fr-FR", office: "PAR" },
  madrid: { city: "Madrid", state: null, country: "Spain", usageLocation: "ES", postalCode: "28001", streetAddress: "Calle Ejemplo 14", phonePrefix: "+34 91 555 0", preferredLanguage: "es-ES", office: "MAD" },
  bengaluru: { city: "Bengaluru", state: "Karnataka", country: "India", usageLocation: "IN", postalCode: "560001", streetAddress: "21 Example Road", phonePrefix: "+91 80 5555 0", preferredLanguage: "en-IN", office: "BLR" },
  tokyo: { city: "Tokyo", state: null, country: "Japan", usageLocation: "JP", postalCode: "100-0005", streetAddress: "1-1 Rei-cho", phonePrefix: "+81 3 5555 0", preferredLanguage: "ja-JP", office: "TYO" },
  stockholm: { city: "Stockholm", state: null, country: "Sweden", usageLocation: "SE", postalCode: "111 22", streetAddress: "Exempelgatan 3", phonePrefix: "+46 8 555 0", preferredLanguage: "sv-SE", office: "STO" },
  toronto: { city: "Toronto", state: "ON", country: "Canada", usageLocation: "CA", postalCode: "M5H 2N2", streetAddress: "100 Example Ave", phonePrefix: "+1 416 555 0", preferredLanguage: "en-CA", office: "YYZ" },
};

type Department = "Executive" | "IT" | "Marketing" | "Sales" | "Finance" | "Human Resources" | "Engineering" | "Customer Support" | "Operations" | "Legal";

interface Person {
  key: UserKey;
  given: string;
  surname: string;
  department: Department;
  jobTitle: string;
  site: keyof typeof SITES;
  manager?: UserKey;
  disabled?: true;
  contractor?: true;
}

/** Members, managers before their reports. Upn: given.surname (ASCII, no apostrophes). */
const PEOPLE: Person[] = [
  { key: "pattiFernandez", given: "Patti", surname: "Fernandez", department: "Executive", jobTitle: "President", site: "redmond" },
  { key: "leeGu", given: "Lee", surname: "Gu", department: "IT", jobTitle: "Director of IT", site: "redmond", manager: "pattiFernandez" },
  { key: "adeleVance", given: "Adele", surname: "Vance", department: "IT", jobTitle: "Identity and Access Manager", site: "redmond", manager: "leeGu" },
  { key: "gradyArchie", given: "Grady", surname: "Archie", department: "IT", jobTitle: "Systems Engineer", site: "redmond", manager: "adeleVance" },
  { key: "irvinSayers", given: "Irvin", surname: "Sayers", department: "IT", jobTitle: "Cloud Engineer", site: "london", manager: "adeleVance" },
  { key: "pradeepGupta", given: "Pradeep", surname: "Gupta", department: "IT", jobTitle: "Network Engineer", site: "bengaluru", manager: "leeGu" },
  { key: "christieCline", given: "Christie", surname: "Cline", department: "Marketing", jobTitle: "VP Marketing", site: "redmond", manager: "pattiFernandez" },
  { key: "meganBowen", given: "Megan", surname: "Bowen", department: "Marketing", jobTitle: "Marketing Manager", site: "redmond", manager: "christieCline" },
  { key: "alexWilber", given: "Alex", surname: "Wilber", department: "Marketing", jobTitle: "Marketing Assistant", site: "redmond", manager: "meganBowen" },
  { key: "allanDeyoung", given: "Allan", surname: "Deyoung", department: "Marketing", jobTitle: "Marketing Specialist", site: "toronto", manager: "meganBowen" },
  { key: "emilyBraun", given: "Emily", surname: "Braun", department: "Marketing", jobTitle: "Brand Designer", site: "munich", manager: "christieCline" },
  { key: "diegoSiciliani", given: "Diego", surname: "Siciliani", department: "Sales", jobTitle: "VP Sales", site: "madrid", manager: "pattiFernandez" },
  { key: "lynneRobbins", given: "Lynne", surname: "Robbins", department: "Sales", jobTitle: "Regional Sales Manager, EMEA", site: "london", manager: "diegoSiciliani" },
  { key: "johannaLorenz", given: "Johanna", surname: "Lorenz", department: "Sales", jobTitle: "Account Executive", site: "munich", manager: "lynneRobbins" },
  { key: "nestorWilke", given: "Nestor", surname: "Wilke", department: "Operations", jobTitle: "Director of Operations", site: "redmond", manager: "pattiFernandez" },
  { key: "debraBerger", given: "Debra", surname: "Berger", department: "Finance", jobTitle: "Finance Director", site: "redmond", manager: "pattiFernandez" },
  { key: "isaiahLanger", given: "Isaiah", surname: "Langer", department: "Finance", jobTitle: "Financial Analyst", site: "toronto", manager: "debraBerger" },
  { key: "joniSherman", given: "Joni", surname: "Sherman", department: "Finance", jobTitle: "Accountant", site: "redmond", manager: "debraBerger" },
  { key: "henriettaMueller", given: "Henrietta", surname: "Mueller", department: "Human Resources", jobTitle: "HR Director", site: "munich", manager: "pattiFernandez" },
  { key: "miriamGraham", given: "Miriam", surname: "Graham", department: "Human Resources", jobTitle: "HR Business Partner", site: "redmond", manager: "henriettaMueller" },
  { key: "lidiaHolloway", given: "Lidia", surname: "Holloway", department: "Legal", jobTitle: "Internal Auditor", site: "redmond", manager: "pattiFernandez" },
  { key: "gerhartMoller", given: "Gerhart", surname: "Moller", department: "Engineering", jobTitle: "VP Engineering", site: "munich", manager: "pattiFernandez" },
  { key: "enricoCattaneo", given: "Enrico", surname: "Cattaneo", department: "Engineering", jobTitle: "Software Engineer", site: "amsterdam", manager: "gerhartMoller", disabled: true },
  { key: "aishaKhan", given: "Aisha", surname: "Khan", department: "Engineering", jobTitle: "Senior Software Engineer", site: "london", manager: "gerhartMoller" },
  { key: "fatimaZahra", given: "Fatima", surname: "Zahra", department: "Engineering", jobTitle: "Data Engineer", site: "amsterdam", manager: "gerhartMoller" },
  { key: "georgeNakamura", given: "George", surname: "Nakamura", department: "Engineering", jobTitle: "Staff Engineer", site: "tokyo", manager: "gerhartMoller" },
  { key: "ivanPetrov", given: "Ivan", surname: "Petrov", department: "Engineering", jobTitle: "Site Reliability Engineer", site: "stockholm", manager: "gerhartMoller" },
  { key: "carlosMendes", given: "Carlos", surname: "Mendes", department: "Engineering", jobTitle: "DevOps Engineer", site: "madrid", manager: "gerhartMoller", contractor: true },
  { key: "brianJohnson", given: "Brian", surname: "Johnson", department: "Sales", jobTitle: "Account Executive", site: "redmond", manager: "diegoSiciliani", disabled: true },
  { key: "graceLiu", given: "Grace", surname: "Liu", department: "Sales", jobTitle: "Sales Operations Analyst", site: "toronto", manager: "diegoSiciliani" },
  { key: "hugoLefebvre", given: "Hugo", surname: "Lefebvre", department: "Sales", jobTitle: "Account Manager", site: "paris", manager: "lynneRobbins" },
  { key: "isabelGarcia", given: "Isabel", surname: "García", department: "Sales", jobTitle: "Account Executive", site: "madrid", manager: "lynneRobbins" },
  { key: "keikoTanaka", given: "Keiko", surname: "Tanaka", department: "Marketing", jobTitle: "Marketing Analyst", site: "tokyo", manager: "meganBowen" },
  { key: "liamObrien", given: "Liam", surname: "O'Brien", department: "Marketing", jobTitle: "Social Media Manager", site: "london", manager: "meganBowen" },
  { key: "mayaPatel", given: "Maya", surname: "Patel", department: "Marketing", jobTitle: "Event Coordinator", site: "bengaluru", manager: "christieCline" },
  { key: "noahFischer", given: "Noah", surname: "Fischer", department: "Finance", jobTitle: "Controller", site: "munich", manager: "debraBerger" },
  { key: "paulDubois", given: "Paul", surname: "Dubois", department: "Finance", jobTitle: "Financial Analyst", site: "paris", manager: "debraBerger" },
  { key: "sofiaCosta", given: "Sofia", surname: "Costa", department: "Customer Support", jobTitle: "Support Manager", site: "amsterdam", manager: "nestorWilke" },
  { key: "raviKumar", given: "Ravi", surname: "Kumar", department: "Legal", jobTitle: "Legal Counsel", site: "bengaluru", manager: "lidiaHolloway", disabled: true },
];

/** More members without an id constant of their own (ids from `hashGuid('directory:user:<upn local part>')`). */
const MORE_PEOPLE: [given: string, surname: string, department: Department, jobTitle: string, site: keyof typeof SITES, manager: UserKey][] = [
  ["Ben", "Carter", "Engineering", "Software Engineer", "redmond", "aishaKhan"],
  ["Daniela", "Rossi", "Engineering", "QA Engineer", "amsterdam", "aishaKhan"],
  ["Ethan", "Brooks", "Engineering", "Software Engineer", "toronto", "aishaKhan"],
  ["Hannah", "Schmidt", "Engineering", "Engineering Manager", "munich", "gerhartMoller"],
  ["Julia", "Novak", "Engineering", "Frontend Engineer", "stockholm", "georgeNakamura"],
  ["Kenji", "Watanabe", "Engineering", "Security Engineer", "tokyo", "georgeNakamura"],
  ["Laura", "Bianchi", "Engineering", "Product Manager", "amsterdam", "gerhartMoller"],
  ["Chloe", "Martin", "Sales", "Sales Development Representative", "paris", "lynneRobbins"],
  ["David", "Okafor", "Sales", "Account Executive", "london", "lynneRobbins"],
  ["Elena", "Popescu", "Sales", "Sales Engineer", "munich", "diegoSiciliani"],
  ["Farid", "Haddad", "Sales", "Account Manager", "paris", "lynneRobbins"],
  ["Jack", "Wilson", "Marketing", "Content Strategist", "redmond", "meganBowen"],
  ["Olivia", "Bennett", "Finance", "Payroll Specialist", "redmond", "debraBerger"],
  ["Quinn", "Taylor", "Human Resources", "Recruiter", "toronto", "henriettaMueller"],
  ["Rosa", "Alvarez", "Human Resources", "HR Generalist", "madrid", "henriettaMueller"],
  ["Tyler", "Reed", "Customer Support", "Support Engineer", "redmond", "sofiaCosta"],
  ["Uma", "Iyer", "Customer Support", "Support Engineer", "bengaluru", "sofiaCosta"],
  ["Victor", "Lindqvist", "Customer Support", "Support Engineer", "stockholm", "sofiaCosta"],
  ["Wendy", "Zhao", "Operations", "Operations Analyst", "toronto", "nestorWilke"],
  ["Xavier", "Dupont", "Operations", "Facilities Coordinator", "paris", "nestorWilke"],
  ["Yusuf", "Demir", "Operations", "Procurement Specialist", "amsterdam", "nestorWilke"],
  ["Zoe", "Clarke", "Operations", "Office Manager", "london", "nestorWilke"],
];

interface Guest {
  key: UserKey;
  displayName: string;
  mail: string;
  companyName: string;
  jobTitle: string | null;
  accepted: boolean;
}

/** B2B guests: UPN `<mail with @ as _>#EXT#@contoso.example`, as Entra writes it (user-list docs example). */
const GUESTS: Guest[] = [
  { key: "jordanReyes", displayName: "Jordan Reyes", mail: "jordan.reyes@fabrikam.example", companyName: "Fabrikam", jobTitle: "Partner Solutions Architect", accepted: true },
  { key: "priyaRaman", displayName: "Priya Raman", mail: "priya.raman@fabrikam.example", companyName: "Fabrikam", jobTitle: "Software Engineer", accepted: true },
  { key: "tomasOrtega", displayName: "Tomás Ortega", mail: "tomas.ortega@fabrikam.example", companyName: "Fabrikam", jobTitle: null, accepted: true },
  { key: "samLee", displayName: "Sam Lee", mail: "sam.lee@woodgrove.example", companyName: "Woodgrove Bank", jobTitle: null, accepted: false },
];

/** Name pools for generated users (scale). */
const GIVEN = ["Ava", "Noah", "Mia", "Lucas", "Amara", "Mateo", "Sofia", "Arjun", "Leila", "Jonas", "Nora", "Kofi", "Elif", "Hiro", "Ingrid", "Omar", "Chiara", "Tariq", "Freya", "Diego", "Anya", "Malik", "Sienna", "Ravi", "Greta", "Yuki", "Bruno", "Zara", "Emil", "Lina"];
const FAMILY = ["Thompson", "Andersen", "Nguyen", "Kowalski", "Okoye", "Silva", "Haddad", "Jansen", "Moreau", "Rahman", "Schneider", "Costa", "Ivanova", "Park", "Müller", "Santos", "Bauer", "Kim", "Larsen", "Ortiz", "Fischer", "Sato", "Novak", "Becker", "Rossi", "Mehta", "Dubois", "Lindberg", "Chen", "Murphy"];
const GENERATED_DEPARTMENTS: [Department, UserKey, string][] = [
  ["Engineering", "gerhartMoller", "Software Engineer"],
  ["Sales", "diegoSiciliani", "Account Executive"],
  ["Marketing", "christieCline", "Marketing Specialist"],
  ["Finance", "debraBerger", "Financial Analyst"],
  ["Customer Support", "sofiaCosta", "Support Engineer"],
  ["Operations", "nestorWilke", "Operations Analyst"],
  ["Human Resources", "henriettaMueller", "HR Generalist"],
];

const DEPARTMENT_GROUP: Partial<Record<Department, GroupKey>> = {
  IT: "itAdmins",
  Engineering: "engineering",
  Sales: "sales",
  Marketing: "marketing",
  Finance: "finance",
  "Human Resources": "humanResources",
  Operations: "operations",
  "Customer Support": "customerSupport",
};

const ascii = (text: string) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ß/g, "ss").replace(/[^A-Za-z0-9]/g, "").toLowerCase();

/** The object SID Entra derives from an object id: S-1-12-1- and the id's 16 bytes as four little-endian uint32. */
export function securityIdentifierOf(id: string): string {
  const hex = id.replace(/-/g, "");
  const bytes = Buffer.from(
    hex.slice(6, 8) + hex.slice(4, 6) + hex.slice(2, 4) + hex.slice(0, 2) + hex.slice(10, 12) + hex.slice(8, 10) + hex.slice(14, 16) + hex.slice(12, 14) + hex.slice(16),
    "hex",
  );
  return `S-1-12-1-${[0, 4, 8, 12].map((offset) => bytes.readUInt32LE(offset)).join("-")}`;
}

const day = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19) + "Z";
const SEED_START = Date.UTC(2023, 2, 1, 9, 0, 0);

interface UserInput {
  id: string;
  index: number;
  given: string | null;
  surname: string | null;
  displayName: string;
  upn: string;
  mail: string;
  mailNickname: string;
  department: string | null;
  jobTitle: string | null;
  site: Site | null;
  enabled: boolean;
  guest?: { companyName: string; accepted: boolean };
  employeeType?: string | null;
}

function user(input: UserInput): DirectoryUser {
  const created = SEED_START + input.index * 3 * day + (input.index % 7) * 3_600_000;
  const site = input.site;
  const guest = input.guest;
  const phone = site && !guest ? `${site.phonePrefix}${String(100 + input.index).padStart(3, "0")}` : null;
  return {
    id: input.id,
    deletedDateTime: null,
    accountEnabled: input.enabled,
    ageGroup: null,
    assignedLicenses: [],
    assignedPlans: [],
    birthday: "0001-01-01T00:00:00Z",
    businessPhones: phone ? [phone] : [],
    city: site?.city ?? null,
    companyName: guest ? guest.companyName : "Contoso",
    consentProvidedForMinor: null,
    country: site?.country ?? null,
    createdDateTime: iso(created),
    creationType: guest ? "Invitation" : null,
    department: input.department,
    deviceEnrollmentLimit: 5000,
    displayName: input.displayName,
    employeeHireDate: guest ? null : iso(created - (created % day) - 14 * day),
    employeeId: guest ? null : String(100000 + input.index + 1),
    employeeType: guest ? null : (input.employeeType ?? "Employee"),
    externalUserState: guest ? (guest.accepted ? "Accepted" : "PendingAcceptance") : null,
    externalUserStateChangeDateTime: guest ? iso(created + (guest.accepted ? 2 * day : 0)) : null,
    faxNumber: null,
    givenName: input.given,
    hireDate: "0001-01-01T00:00:00Z",
    identities: guest
      ? [
          { signInType: "userPrincipalName", issuer: TENANT_DOMAIN, issuerAssignedId: input.upn },
          { signInType: "federated", issuer: "ExternalAzureAD", issuerAssignedId: null },
        ]
      : [{ signInType: "userPrincipalName", issuer: TENANT_DOMAIN, issuerAssignedId: input.upn }],
    imAddresses: guest ? [] : [input.upn],
    interests: [],
    jobTitle: input.jobTitle,
    lastPasswordChangeDateTime: iso(created),
    legalAgeGroupClassification: null,
    mail: input.mail,
    mailNickname: input.mailNickname,
    mobilePhone: phone && input.index % 3 === 0 ? phone.replace(/ 0(\d\d\d)$/, " 1$1") : null,
    officeLocation: site && !guest ? `${site.office}/${1000 + ((input.index * 37) % 900)}` : null,
    onPremisesSyncEnabled: null,
    onPremisesProvisioningErrors: [],
    otherMails: guest ? [input.mail] : [],
    pastProjects: [],
    postalCode: guest ? null : (site?.postalCode ?? null),
    preferredLanguage: guest ? null : (site?.preferredLanguage ?? null),
    provisionedPlans: [],
    proxyAddresses: [`SMTP:${input.mail}`],
    responsibilities: [],
    schools: [],
    securityIdentifier: securityIdentifierOf(input.id),
    serviceProvisioningErrors: [],
    showInAddressList: guest ? false : null,
    signInSessionsValidFromDateTime: iso(created),
    skills: [],
    state: guest ? null : (site?.state ?? null),
    streetAddress: guest ? null : (site?.streetAddress ?? null),
    surname: input.surname,
    usageLocation: guest ? null : (site?.usageLocation ?? null),
    userPrincipalName: input.upn,
    userType: guest ? "Guest" : "Member",
  };
}

interface GroupSpec {
  key: GroupKey;
  displayName: string;
  description: string;
  kind: "security" | "unified" | "mailSecurity" | "distribution";
  nickname: string;
  roleAssignable?: true;
  visibility?: "Public" | "Private";
  team?: true;
}

const GROUPS: GroupSpec[] = [
  { key: "allCompany", displayName: "All Company", description: "Everyone at Contoso.", kind: "unified", nickname: "allcompany", visibility: "Public", team: true },
  { key: "itAdmins", displayName: "IT Admins", description: "IT administrators (role-assignable).", kind: "security", nickname: "it-admins", roleAssignable: true },
  { key: "engineering", displayName: "Engineering", description: "All engineers.", kind: "security", nickname: "engineering" },
  { key: "sales", displayName: "Sales", description: "Sales team.", kind: "security", nickname: "sales" },
  { key: "marketing", displayName: "Marketing", description: "Marketing team, including Brand Studio.", kind: "security", nickname: "marketing" },
  { key: "brandStudio", displayName: "Brand Studio", description: "Designers and event staff.", kind: "security", nickname: "brand-studio" },
  { key: "finance", displayName: "Finance", description: "Finance team.", kind: "security", nickname: "finance" },
  { key: "humanResources", displayName: "Human Resources", description: "HR team.", kind: "security", nickname: "human-resources" },
  { key: "operations", displayName: "Operations", description: "Operations and facilities.", kind: "security", nickname: "operations" },
  { key: "customerSupport", displayName: "Customer Support", description: "Support engineers.", kind: "security", nickname: "customer-support" },
  { key: "slackUsers", displayName: "Slack Users", description: "People who get a Slack account (Marketing is a member).", kind: "security", nickname: "slack-users" },
  { key: "awsAdministrators", displayName: "AWS Administrators", description: "Administrators of the AWS accounts.", kind: "security", nickname: "aws-administrators" },
  { key: "dataPlatform", displayName: "Data Platform", description: "Data engineering and analytics.", kind: "security", nickname: "data-platform" },
  { key: "projectFalcon", displayName: "Project Falcon", description: "Joint project with Fabrikam.", kind: "unified", nickname: "projectfalcon", visibility: "Private", team: true },
  { key: "fabrikamPartners", displayName: "Fabrikam Partners", description: "Guests from Fabrikam.", kind: "security", nickname: "fabrikam-partners" },
  { key: "leadership", displayName: "Contoso Leadership", description: "The leadership team.", kind: "mailSecurity", nickname: "leadership" },
  { key: "supportNotifications", displayName: "Support Notifications", description: "Distribution list for support alerts.", kind: "distribution", nickname: "support-notifications" },
];

function group(spec: GroupSpec, index: number): DirectoryGroup {
  const id = GROUP[spec.key];
  const created = iso(Date.UTC(2022, 10, 1, 12, 0, 0) + index * 5 * day);
  const mailEnabled = spec.kind !== "security";
  const mail = mailEnabled ? `${spec.nickname}@${TENANT_DOMAIN}` : null;
  return {
    id,
    deletedDateTime: null,
    assignedLabels: [],
    assignedLicenses: [],
    classification: null,
    createdDateTime: created,
    description: spec.description,
    displayName: spec.displayName,
    expirationDateTime: null,
    groupTypes: spec.kind === "unified" ? ["Unified"] : [],
    infoCatalogs: [],
    isAssignableToRole: spec.roleAssignable ? true : null,
    mail,
    mailEnabled,
    mailNickname: spec.nickname,
    membershipRule: null,
    membershipRuleProcessingState: null,
    onPremisesDomainName: null,
    onPremisesLastSyncDateTime: null,
    onPremisesNetBiosName: null,
    onPremisesProvisioningErrors: [],
    onPremisesSamAccountName: null,
    onPremisesSecurityIdentifier: null,
    onPremisesSyncEnabled: null,
    preferredDataLocation: null,
    preferredLanguage: null,
    proxyAddresses: mail ? [`SMTP:${mail}`] : [],
    renewedDateTime: created,
    resourceBehaviorOptions: [],
    resourceProvisioningOptions: spec.team ? ["Team"] : [],
    securityEnabled: spec.kind === "security" || spec.kind === "mailSecurity",
    securityIdentifier: securityIdentifierOf(id),
    serviceProvisioningErrors: [],
    theme: null,
    visibility: spec.kind === "unified" ? (spec.visibility ?? "Public") : null,
  };
}

export function seedDirectory(scale = 0): Directory {
  const users: DirectoryUser[] = [];
  const managers: Record<string, string> = {};
  const members: Record<string, string[]> = Object.fromEntries(GROUPS.map((spec) => [GROUP[spec.key], []]));
  const join = (groupKey: GroupKey, id: string) => members[GROUP[groupKey]].push(id);

  const addMember = (id: string, given: string, surname: string, department: Department, jobTitle: string, siteKey: keyof typeof SITES, enabled: boolean, employeeType?: string) => {
    const local = `${ascii(given)}.${ascii(surname)}`;
    const upn = `${local}@${TENANT_DOMAIN}`;
    users.push(
      user({ id, index: users.length, given, surname, displayName: `${given} ${surname}`, upn, mail: upn, mailNickname: local, department, jobTitle, site: SITES[siteKey], enabled, employeeType }),
    );
    if (enabled) join("allCompany", id);
    const departmentGroup = DEPARTMENT_GROUP[department];
    if (departmentGroup) join(departmentGroup, id);
  };

  for (const person of PEOPLE) {
    addMember(USER[person.key], person.given, person.surname, person.department, person.jobTitle, person.site, !person.disabled, person.contractor ? "Contractor" : undefined);
    if (person.manager) managers[USER[person.key]] = USER[person.manager];
  }
  for (const [given, surname, department, jobTitle, site, manager] of MORE_PEOPLE) {
    const id = hashGuid(`directory:user:${ascii(given)}.${ascii(surname)}`);
    addMember(id, given, surname, department, jobTitle, site, true);
    managers[id] = USER[manager];
  }
  for (const guest of GUESTS) {
    const local = guest.mail.replace("@", "_");
    const upn = `${local}#EXT#@${TENANT_DOMAIN}`;
    users.push(
      user({
        id: USER[guest.key],
        index: users.length,
        given: null,
        surname: null,
        displayName: guest.displayName,
        upn,
        mail: guest.mail,
        mailNickname: `${local}#EXT#`,
        department: null,
        jobTitle: guest.jobTitle,
        site: null,
        enabled: true,
        guest: { companyName: guest.companyName, accepted: guest.accepted },
      }),
    );
    if (guest.companyName === "Fabrikam") join("fabrikamPartners", USER[guest.key]);
  }

  const generated = generatedUserCount(scale);
  const siteKeys = Object.keys(SITES) as (keyof typeof SITES)[];
  for (let i = 0; i < generated; i++) {
    const given = GIVEN[i % GIVEN.length];
    const surname = FAMILY[(i * 7 + Math.floor(i / GIVEN.length)) % FAMILY.length];
    const [department, head, jobTitle] = GENERATED_DEPARTMENTS[i % GENERATED_DEPARTMENTS.length];
    const local = `${ascii(given)}.${ascii(surname)}${i + 1}`;
    const upn = `${local}@${TENANT_DOMAIN}`;
    const id = hashGuid(`directory:generated-user:${i}`);
    const enabled = i % 25 !== 24;
    const site = SITES[siteKeys[hashInt(0, siteKeys.length - 1, "directory:site", i)]];
    users.push(user({ id, index: users.length, given, surname, displayName: `${given} ${surname}`, upn, mail: upn, mailNickname: local, department, jobTitle, site, enabled }));
    managers[id] = USER[head];
    if (enabled) join("allCompany", id);
    join(DEPARTMENT_GROUP[department]!, id);
  }

  // Hand-made memberships on top of the department groups.
  const marketingBrand = [USER.emilyBraun, USER.mayaPatel];
  members[GROUP.marketing] = members[GROUP.marketing].filter((id) => !marketingBrand.includes(id));
  members[GROUP.marketing].push(GROUP.brandStudio);
  members[GROUP.brandStudio].push(...marketingBrand);
  members[GROUP.slackUsers].push(GROUP.marketing, USER.lynneRobbins, hashGuid("directory:user:tyler.reed"), USER.irvinSayers);
  members[GROUP.awsAdministrators].push(USER.irvinSayers, USER.gradyArchie, USER.ivanPetrov, USER.carlosMendes);
  members[GROUP.dataPlatform].push(USER.fatimaZahra, USER.georgeNakamura, USER.aishaKhan, USER.paulDubois);
  members[GROUP.projectFalcon].push(USER.diegoSiciliani, USER.hugoLefebvre, USER.jordanReyes, USER.tomasOrtega, USER.georgeNakamura);
  members[GROUP.leadership].push(USER.pattiFernandez, USER.leeGu, USER.christieCline, USER.diegoSiciliani, USER.nestorWilke, USER.debraBerger, USER.henriettaMueller, USER.gerhartMoller);
  members[GROUP.supportNotifications].push(USER.sofiaCosta, USER.nestorWilke, GROUP.customerSupport);

  return new Directory({ users, groups: GROUPS.map(group), members, managers });
}

/** Ids of the persona users, for checks that every persona is a person of the directory. */
export const PERSONA_USER_IDS: readonly string[] = Object.values(PERSONAS).map((persona) => persona.oid);
