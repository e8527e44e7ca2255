import type { ActionError, ActionErrorKind } from "@/lib/errors/action-result";

/**
 * Every failed Graph call in an admin's words, from one table: what happened (title), what to do (advice),
 * and whether nothing changed. Graph's code and request-id are shown apart (components/ui/graph-error-details).
 */

/** What the console was doing when the call failed. */
export type ErrorContext =
  /** A read; `action` completes "Could not …" ("load the jobs"). */
  | { operation: "read"; action: string }
  | { operation: "create"; templateId: string }
  /** A change of one job: start, pause, restart, delete. */
  | { operation: "change"; jobId: string; verb: { infinitive: string; done: string } }
  /** Test connection (validateCredentials): nothing is saved either way. */
  | { operation: "test" }
  /** Save the admin credentials and settings (PUT secrets). */
  | { operation: "save" }
  /** Provision one user or group now (provisionOnDemand). */
  | { operation: "on-demand" };

export interface Problem {
  title: string;
  advice: string;
  /** Whether Graph certainly did not act on it (so trying again cannot do it twice). */
  nothingChanged: boolean;
  /** Whether trying the same again could help (a read's "Try again"). */
  retryable: boolean;
}

type Operation = ErrorContext["operation"];
type Context<O extends Operation> = Extract<ErrorContext, { operation: O }>;
type Words = Pick<Problem, "title" | "advice"> & Partial<Pick<Problem, "nothingChanged">>;
type Wording<O extends Operation> = (error: ActionError, context: Context<O>) => Words;
type Table<O extends Operation> = Partial<Record<ActionErrorKind, Wording<O>>> & { otherwise: Wording<O> };

const seconds = (n: number) => `${n} second${n === 1 ? "" : "s"}`;
const waitText = (error: ActionError, fallback: string) => (error.retryAfterSeconds !== undefined ? `Graph asked to wait ${seconds(error.retryAfterSeconds)}.` : fallback);
const WRITE_PERMISSION = "Synchronization.ReadWrite.All";
const RETRYABLE = new Set<ActionErrorKind>(["unauthenticated", "throttled", "server", "network", "unexpected"]);

const READ: Table<"read"> = {
  "missing-sync-permission": (_e, { action }) => ({
    title: `Could not ${action}: missing Synchronization permission`,
    advice: `Your account lacks Synchronization.Read.All (to read) or ${WRITE_PERMISSION} (to change) provisioning jobs. Ask an administrator for the Application Administrator role or consent.`,
  }),
  forbidden: (_e, { action }) => ({
    title: `Could not ${action}: access denied`,
    advice: `Your account lacks the permission for this (Application.Read.All to read service principals, ${WRITE_PERMISSION} to change jobs).`,
  }),
  unauthenticated: (_e, { action }) => ({ title: `Could not ${action}: your session expired`, advice: "Sign in again, then retry." }),
  "not-found": (_e, { action }) => ({ title: `Could not ${action}: it no longer exists`, advice: "It may have been deleted. Go back to the list." }),
  throttled: (error, { action }) => ({
    title: `Could not ${action}: Microsoft Graph is throttling requests`,
    advice: error.retryAfterSeconds ? `Graph asked to wait ${error.retryAfterSeconds} seconds before trying again.` : "Wait a little, then try again.",
  }),
  server: (_e, { action }) => ({ title: `Could not ${action}: Microsoft Graph had a problem`, advice: "This is usually temporary. Try again in a moment." }),
  network: (_e, { action }) => ({ title: `Could not ${action}: Microsoft Graph could not be reached`, advice: "Check your network connection, then try again." }),
  "bad-request": (error, { action }) => ({ title: `Could not ${action}: Graph refused the request`, advice: error.message || "The request was not valid." }),
  otherwise: (error, { action }) => ({ title: `Could not ${action}`, advice: error.message || "Something unexpected happened." }),
};

const NOTHING_CREATED = "No job was created.";

const CREATE: Table<"create"> = {
  "invalid-input": (error) => ({ title: "The console refused the request", advice: `${error.message} Reload the page and choose the template again. ${NOTHING_CREATED}` }),
  "bad-request": (error, { templateId }) => ({
    title: `Microsoft Graph did not accept the template ${templateId}`,
    advice: `The template must be one of this application's synchronization templates.${error.message ? ` Graph said: “${error.message}”` : ""} ${NOTHING_CREATED}`,
  }),
  unauthenticated: () => ({
    title: "Your session expired",
    advice: `Microsoft Graph did not accept your sign-in, even after renewing it. Sign out and sign in again, then create the job. ${NOTHING_CREATED}`,
  }),
  "missing-sync-permission": () => ({
    title: `Your account lacks ${WRITE_PERMISSION}`,
    advice: `Creating provisioning jobs needs the delegated permission ${WRITE_PERMISSION} and a role such as Application Administrator. Ask an administrator to grant it, then sign in again. ${NOTHING_CREATED}`,
  }),
  forbidden: () => ({
    title: "You may read provisioning jobs but not create them",
    advice: `Microsoft Graph denied the change: your account lacks ${WRITE_PERMISSION} or a role that may configure this application (Application Administrator, Cloud Application Administrator). ${NOTHING_CREATED}`,
  }),
  "not-found": () => ({
    title: "This service principal no longer exists",
    advice: `It may have been deleted since the page loaded. Go back to the list of service principals. ${NOTHING_CREATED}`,
  }),
  throttled: (error) => ({
    title: "Microsoft Graph is throttling requests",
    advice: `${waitText(error, "Graph asked to slow down.")} ${NOTHING_CREATED} Trying again after the wait is safe.`,
  }),
  conflict: (error) => ({
    title: "Microsoft Graph reported a conflict",
    advice: `${error.message || "Another change got in the way."} Check the service principal's jobs, then try again.`,
    nothingChanged: false,
  }),
  server: () => ({
    title: "Microsoft Graph had a problem",
    advice: "Graph answered with a server error after receiving the request, so the job may or may not exist.",
    nothingChanged: false,
  }),
  network: (error) => ({
    title: "The answer was lost",
    advice: `${error.message || "The connection failed."} The request may have reached Microsoft Graph, so the job may or may not exist.`,
    nothingChanged: false,
  }),
  otherwise: (error) => ({
    title: "Something unexpected happened",
    advice: `${error.message || "The console could not read Graph's answer."}${error.ambiguous ? " The job may or may not exist." : ""}`,
  }),
};

const changeTitle = ({ verb, jobId }: Context<"change">) => `Could not ${verb.infinitive} job ${jobId}`;

const CHANGE: Table<"change"> = {
  "invalid-input": (error, context) => ({ title: `${changeTitle(context)}: the console refused the request`, advice: `${error.message} Nothing was sent to Microsoft Graph.` }),
  unauthenticated: (_e, context) => ({
    title: `${changeTitle(context)}: your session expired`,
    advice: "Microsoft Graph did not accept your sign-in, even after renewing it. Sign in again, then retry. Nothing was changed.",
  }),
  "missing-sync-permission": (_e, context) => ({
    title: `${changeTitle(context)}: your account lacks ${WRITE_PERMISSION}`,
    advice: `Changing provisioning jobs needs the delegated permission ${WRITE_PERMISSION} and a role such as Application Administrator or Cloud Application Administrator. Ask an administrator for it, then sign in again. Nothing was changed.`,
  }),
  "not-found": (_e, context) => ({ title: `${changeTitle(context)}: it no longer exists`, advice: "The job (or its application) may have been deleted elsewhere. The list will refresh." }),
  throttled: (error, context) => ({
    title: `${changeTitle(context)}: Microsoft Graph is throttling requests`,
    advice: `${waitText(error, "Graph asked to slow down.")} Nothing was changed; try again after the wait.`,
  }),
  "bad-request": (error, context) => ({ title: `${changeTitle(context)}: Microsoft Graph refused the request`, advice: error.message || "Graph did not say why. Check the job's status, then try again." }),
  otherwise: (error, context) => ({ title: changeTitle(context), advice: error.message || "Something unexpected happened. Check the job's status, then try again." }),
};
CHANGE.forbidden = CHANGE["missing-sync-permission"];
CHANGE.conflict = CHANGE["bad-request"];

const NOTHING_SAVED = "Nothing was saved.";

const TEST: Table<"test"> = {
  "invalid-input": (error) => ({ title: "Check the admin credentials", advice: `${error.message} Nothing was sent to the application.` }),
  "bad-request": (error) => ({
    title: "The application refused the connection",
    advice: `${error.message ? `Its connector said: “${error.message}” ` : ""}Check the admin credentials with the application's administrator (the tenant URL must be its provisioning endpoint, the token or password must be current), then test again. ${NOTHING_SAVED}`,
  }),
  unauthenticated: () => ({ title: "Your session expired", advice: "Microsoft Graph did not accept your sign-in, even after renewing it. Sign in again, then test again." }),
  "missing-sync-permission": () => ({
    title: `Your account lacks ${WRITE_PERMISSION}`,
    advice: `Testing a connection needs the delegated permission ${WRITE_PERMISSION} and a role such as Application Administrator. Ask an administrator for it, then sign in again.`,
  }),
  "not-found": () => ({ title: "This job no longer exists", advice: "It (or its application) may have been deleted elsewhere. Go back to the service principal." }),
  throttled: (error) => ({ title: "Microsoft Graph is throttling requests", advice: `${waitText(error, "Graph asked to slow down.")} Test again after the wait.` }),
  server: () => ({ title: "Microsoft Graph had a problem", advice: `The connection could not be tested. This is usually temporary: test again in a moment. ${NOTHING_SAVED}` }),
  network: () => ({ title: "Microsoft Graph could not be reached", advice: `Check your network connection, then test again. ${NOTHING_SAVED}` }),
  otherwise: (error) => ({ title: "The connection could not be tested", advice: `${error.message || "Something unexpected happened."} ${NOTHING_SAVED}` }),
};
TEST.forbidden = TEST["missing-sync-permission"];

const SAVE: Table<"save"> = {
  "invalid-input": (error) => ({ title: "Check the configuration", advice: `${error.message} ${NOTHING_SAVED}` }),
  "bad-request": (error) => ({
    title: "Microsoft Graph did not accept the configuration",
    advice: `${error.message ? `Graph said: “${error.message}” ` : ""}${NOTHING_SAVED}`,
  }),
  unauthenticated: () => ({ title: "Your session expired", advice: `Microsoft Graph did not accept your sign-in, even after renewing it. Sign in again, then save. ${NOTHING_SAVED}` }),
  "missing-sync-permission": () => ({
    title: `Your account lacks ${WRITE_PERMISSION}`,
    advice: `Saving admin credentials needs the delegated permission ${WRITE_PERMISSION} and a role such as Application Administrator. Ask an administrator for it, then sign in again. ${NOTHING_SAVED}`,
  }),
  "not-found": () => ({ title: "This job no longer exists", advice: `It (or its application) may have been deleted elsewhere. ${NOTHING_SAVED}` }),
  throttled: (error) => ({ title: "Microsoft Graph is throttling requests", advice: `${waitText(error, "Graph asked to slow down.")} ${NOTHING_SAVED} Save again after the wait.` }),
  otherwise: (error) => ({ title: "The configuration could not be saved", advice: error.message || "Something unexpected happened." }),
};
SAVE.forbidden = SAVE["missing-sync-permission"];

const ON_DEMAND: Table<"on-demand"> = {
  "invalid-input": (error) => ({ title: "Check the choice", advice: `${error.message} Nothing was sent to Microsoft Graph.` }),
  "bad-request": (error) => ({
    title: "Microsoft Graph refused the request",
    advice: `${error.message ? `Graph said: “${error.message}” ` : ""}Nothing was provisioned.`,
  }),
  "not-found": (error) => ({
    title: "Microsoft Graph found no such user, group or job",
    advice: `${error.message ? `Graph said: “${error.message}” ` : ""}The person, the group or the job may have been deleted; search again.`,
  }),
  unauthenticated: () => ({ title: "Your session expired", advice: "Microsoft Graph did not accept your sign-in, even after renewing it. Sign in again, then provision again." }),
  "missing-sync-permission": () => ({
    title: `Your account lacks ${WRITE_PERMISSION}`,
    advice: `Provisioning on demand needs the delegated permission ${WRITE_PERMISSION} and a role such as Application Administrator. Ask an administrator for it, then sign in again. Nothing was provisioned.`,
  }),
  throttled: (error) => ({
    title: "Microsoft allows 5 provision-on-demand requests per 10 seconds",
    advice: `${waitText(error, "Wait a few seconds.")} Nothing was provisioned by this request; provision again after the wait.`,
  }),
  server: () => ({
    title: "Microsoft Graph had a problem",
    advice: "It answered with a server error after receiving the request, so the person may or may not have been provisioned. Check the provisioning logs before trying again.",
    nothingChanged: false,
  }),
  network: () => ({
    title: "The answer was lost",
    advice: "The request may have reached Microsoft Graph, so the person may or may not have been provisioned. Check the provisioning logs before trying again.",
    nothingChanged: false,
  }),
  otherwise: (error) => ({ title: "Provision on demand did not finish", advice: error.message || "Something unexpected happened." }),
};
ON_DEMAND.forbidden = ON_DEMAND["missing-sync-permission"];

/** A save whose answer was lost: PUT replaces the whole set, so saving again is safe. */
function uncertainSave(error: ActionError): Words {
  return {
    title: "The configuration may or may not have been saved",
    advice: `${
      error.kind === "server" ? "Microsoft Graph answered with a server error" : "The connection failed"
    } after the request was sent. Saving again is safe: Graph replaces the whole configuration each time. Type the secrets again and save.`,
  };
}

/** A change that may have happened although it failed: say so before anything else. */
function uncertainChange(error: ActionError, { verb, jobId }: Context<"change">): Words {
  return {
    title: `The state of job ${jobId} is uncertain`,
    advice: `${
      error.kind === "server" ? "Microsoft Graph answered with a server error" : "The connection failed"
    } after the request was sent, so the job may or may not have been ${verb.done}. Its status will refresh in a moment; check it before trying again.`,
  };
}

function wordsFor(error: ActionError, context: ErrorContext): Words {
  switch (context.operation) {
    case "read":
      return (READ[error.kind] ?? READ.otherwise)(error, context);
    case "create":
      return (CREATE[error.kind] ?? CREATE.otherwise)(error, context);
    case "change":
      return error.ambiguous ? uncertainChange(error, context) : (CHANGE[error.kind] ?? CHANGE.otherwise)(error, context);
    case "test":
      return (TEST[error.kind] ?? TEST.otherwise)(error, context);
    case "save":
      return error.ambiguous ? uncertainSave(error) : (SAVE[error.kind] ?? SAVE.otherwise)(error, context);
    case "on-demand":
      return (ON_DEMAND[error.kind] ?? ON_DEMAND.otherwise)(error, context);
  }
}

export function describeError(error: ActionError, context: ErrorContext): Problem {
  const words = wordsFor(error, context);
  const nothingChanged = words.nothingChanged ?? !error.ambiguous;
  return { title: words.title, advice: words.advice, nothingChanged, retryable: nothingChanged && RETRYABLE.has(error.kind) };
}
