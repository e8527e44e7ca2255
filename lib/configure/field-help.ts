import type { CredentialField } from "./fields";

/** One line under each admin credential, in the words of the application's admin console. */
const HELP: Partial<Record<string, string>> = {
  BaseAddress: "The SCIM endpoint of the application, as its admin console shows it under provisioning (for example https://scim.example.com/v2).",
  SecretToken: "The bearer token the application issued for provisioning (often called API token or SCIM token).",
  UserName: "The user name of an administrator account of the application that may create and update users.",
  Password: "That administrator's password.",
  CompanyId: "The Directory (tenant) ID of the target Microsoft Entra tenant.",
  ClientIdentifier: "The client ID the application issued to Microsoft Entra ID.",
  ClientSecret: "The client secret the application issued to Microsoft Entra ID.",
  Domain: "The domain of the application's directory.",
  InstanceName: "The name of the application's instance (the first part of its address).",
};

export function fieldHelp(field: CredentialField): string {
  const help = HELP[field.key] ?? `The ${field.label} of the application, as its administrator gave it to you.`;
  return field.required ? help : `${help} Optional.`;
}
