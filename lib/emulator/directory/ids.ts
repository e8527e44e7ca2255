import { PERSONAS } from "../auth/personas";
import { hashGuid } from "../engine/random";

/**
 * Deterministic object ids of the seed directory, for tests, demos and the provisioning engine. The sign-in
 * personas' users have the personas' oids (a token's `oid` is the user's id, as in Entra).
 */
const userId = (key: string) => hashGuid(`directory:user:${key}`);
const groupId = (key: string) => hashGuid(`directory:group:${key}`);

export const USER = {
  adeleVance: PERSONAS.admin.oid,
  meganBowen: PERSONAS.reader.oid,
  alexWilber: PERSONAS.nosync.oid,
  lidiaHolloway: PERSONAS.auditor.oid,
  pattiFernandez: userId("pattiFernandez"),
  leeGu: userId("leeGu"),
  gradyArchie: userId("gradyArchie"),
  irvinSayers: userId("irvinSayers"),
  pradeepGupta: userId("pradeepGupta"),
  christieCline: userId("christieCline"),
  allanDeyoung: userId("allanDeyoung"),
  emilyBraun: userId("emilyBraun"),
  diegoSiciliani: userId("diegoSiciliani"),
  lynneRobbins: userId("lynneRobbins"),
  johannaLorenz: userId("johannaLorenz"),
  /** Operations director: in no group that is assigned to an app, assigned to nothing. */
  nestorWilke: userId("nestorWilke"),
  debraBerger: userId("debraBerger"),
  isaiahLanger: userId("isaiahLanger"),
  joniSherman: userId("joniSherman"),
  henriettaMueller: userId("henriettaMueller"),
  miriamGraham: userId("miriamGraham"),
  gerhartMoller: userId("gerhartMoller"),
  /** Disabled (left the company), still assigned to Slack and GitHub EMU directly. */
  enricoCattaneo: userId("enricoCattaneo"),
  aishaKhan: userId("aishaKhan"),
  fatimaZahra: userId("fatimaZahra"),
  georgeNakamura: userId("georgeNakamura"),
  ivanPetrov: userId("ivanPetrov"),
  carlosMendes: userId("carlosMendes"),
  /** Disabled (on leave), in the Sales group, so in Salesforce's scope through it. */
  brianJohnson: userId("brianJohnson"),
  graceLiu: userId("graceLiu"),
  hugoLefebvre: userId("hugoLefebvre"),
  isabelGarcia: userId("isabelGarcia"),
  keikoTanaka: userId("keikoTanaka"),
  liamObrien: userId("liamObrien"),
  mayaPatel: userId("mayaPatel"),
  noahFischer: userId("noahFischer"),
  paulDubois: userId("paulDubois"),
  sofiaCosta: userId("sofiaCosta"),
  /** Disabled; in no assigned group. */
  raviKumar: userId("raviKumar"),
  /** Guest from Fabrikam (B2B, accepted), assigned to Slack directly and in Project Falcon. */
  jordanReyes: userId("jordanReyes"),
  /** Guest from Fabrikam, assigned to GitHub EMU directly. */
  priyaRaman: userId("priyaRaman"),
  tomasOrtega: userId("tomasOrtega"),
  /** Guest from Woodgrove who has not accepted the invitation yet. */
  samLee: userId("samLee"),
} as const;

export const GROUP = {
  allCompany: groupId("allCompany"),
  itAdmins: groupId("itAdmins"),
  engineering: groupId("engineering"),
  sales: groupId("sales"),
  /** Direct member of Slack Users; Megan Bowen is a direct member of it. */
  marketing: groupId("marketing"),
  /** Nested in Marketing (so two levels below Slack Users). */
  brandStudio: groupId("brandStudio"),
  finance: groupId("finance"),
  humanResources: groupId("humanResources"),
  operations: groupId("operations"),
  customerSupport: groupId("customerSupport"),
  /** Assigned to Slack; has the group Marketing as a member. */
  slackUsers: groupId("slackUsers"),
  awsAdministrators: groupId("awsAdministrators"),
  dataPlatform: groupId("dataPlatform"),
  projectFalcon: groupId("projectFalcon"),
  fabrikamPartners: groupId("fabrikamPartners"),
  leadership: groupId("leadership"),
  supportNotifications: groupId("supportNotifications"),
} as const;

export type UserKey = keyof typeof USER;
export type GroupKey = keyof typeof GROUP;
