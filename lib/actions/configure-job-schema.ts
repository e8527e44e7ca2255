import { z } from "zod";
import { SYNCHRONIZATION_SECRET_KEYS } from "@/lib/configure/secret-keys";
import { credentialValueProblem, MAX_RECIPIENTS_LENGTH, recipientsProblem, THRESHOLD_PROBLEM, thresholdProblem } from "@/lib/configure/value-rules";
import { jobId, servicePrincipalId } from "@/lib/validation/ids";

/**
 * What `testConnection` and `saveConfiguration` accept, and nothing else. These checks need no template, so
 * they run before anything reaches Graph; the actions then check each value against the job template's fields
 * (required, https) before they send it. Messages name the field (`credentials.SecretToken`), never the value.
 */

/** A record silently drops an own `__proto__` key; refuse it instead, so such an input never reaches Graph. */
const noProtoKey = z.custom((value) => !(value && typeof value === "object" && Object.hasOwn(value, "__proto__")), 'Unexpected field: "__proto__".');

/** Typed admin credentials by `synchronizationSecret` key; an empty value is a field left blank. */
export const credentialsInput = noProtoKey.pipe(
  z.partialRecord(z.enum(SYNCHRONIZATION_SECRET_KEYS), z.string()).superRefine((credentials, context) => {
    for (const [key, value] of Object.entries(credentials)) {
      const problem = value ? credentialValueProblem(value, `value of ${key}`) : null;
      if (problem) context.addIssue({ code: "custom", path: [key], message: problem });
    }
  }),
);

export const settingsInput = z
  .strictObject({
    notifyOnFailure: z.boolean(),
    recipients: z.string().max(MAX_RECIPIENTS_LENGTH, `The notification email is longer than ${MAX_RECIPIENTS_LENGTH} characters.`),
    preventAccidentalDeletes: z.boolean(),
    deleteThreshold: z.custom<number>((value) => thresholdProblem(value) === null, THRESHOLD_PROBLEM),
    syncAll: z.boolean(),
  })
  .superRefine((settings, context) => {
    const problem = recipientsProblem(settings.recipients, settings.notifyOnFailure);
    if (problem) context.addIssue({ code: "custom", path: ["recipients"], message: problem });
  });

const typedAny = (credentials: Partial<Record<string, string>> | undefined) => Object.values(credentials ?? {}).some(Boolean);

/** Test the typed credentials (`useSavedCredentials: false`), or the saved ones (then nothing is typed). */
export const testConnectionInput = z
  .strictObject({ servicePrincipalId, jobId, useSavedCredentials: z.boolean(), credentials: credentialsInput.optional() })
  .superRefine(({ useSavedCredentials, credentials }, context) => {
    if (useSavedCredentials && typedAny(credentials)) {
      context.addIssue({ code: "custom", path: ["credentials"], message: "Testing the saved credentials takes no typed values." });
    }
    if (!useSavedCredentials && !typedAny(credentials)) {
      context.addIssue({ code: "custom", path: ["credentials"], message: "Type the admin credentials to test, or test the saved ones." });
    }
  });
export type TestConnectionInput = z.input<typeof testConnectionInput>;

/** Save the typed credentials and the settings: one PUT of the whole set. */
export const saveConfigurationInput = z.strictObject({ servicePrincipalId, jobId, credentials: credentialsInput, settings: settingsInput });
export type SaveConfigurationInput = z.input<typeof saveConfigurationInput>;

export interface TestConnectionResult {
  tested: "typed" | "saved";
}

/** What a save answers: key names only, never a value. */
export interface SaveConfigurationResult {
  /** The keys the saved set now holds. */
  savedKeys: string[];
  /** Saved keys the new set no longer holds (masked secrets the screen does not own, blank optional fields). */
  droppedKeys: string[];
  /** The scope ("sync all" or "only assigned") changed: it takes effect after a restart. */
  scopeChanged: boolean;
}

/** The typed values of a validated input, to keep out of every message. */
export const typedSecrets = (input: { credentials?: Partial<Record<string, string>> }) => Object.values(input.credentials ?? {}).filter((value): value is string => Boolean(value));
