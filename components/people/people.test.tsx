import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Loaded } from "@/lib/graph/answers";
import type { PersonTrace } from "@/lib/graph/person-trace";
import type { ProvisioningLogEntry } from "@/lib/graph/provisioning-logs";
import { personApps, type PersonRow } from "@/lib/people/rows";
import { PersonRequests } from "./person-requests";
import { PersonRowView } from "./person-row";
import { DISABLED_REASON, ProvisionNow, READ_ONLY_REASON, type ProvisionNowState } from "./provision-now";
import { TraceProblems } from "./trace-problems";

const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
const now = new Date("2026-12-01T12:00:00Z");
const ME = "11111111-1111-4111-8111-111111111111";
const ok = <T,>(value: T): Loaded<T> => ({ ok: true, value });
const refused = { ok: false as const, error: { kind: "bad-request" as const, status: 400, code: "BadRequest", message: "no", requestId: "req-1" } };

const awsFailure = {
  id: "e-aws",
  activityDateTime: "2026-12-01T11:00:00Z",
  servicePrincipal: { id: "sp-aws" },
  jobId: "aws.1",
  provisioningAction: "create",
  provisioningStatusInfo: { status: "failure", errorInformation: { errorCode: "MandatoryFieldsMissing", reason: "No name.givenName." } },
  targetIdentity: { id: "" },
} as ProvisioningLogEntry;

function trace(parts: Partial<PersonTrace> = {}): PersonTrace {
  return {
    userId: ME,
    user: ok({ id: ME }),
    directGroups: ok([]),
    groups: ok([{ id: "g-1", displayName: "Slack Users" }]),
    assignments: ok([{ id: "a", principalId: ME, principalType: "User", resourceId: "sp-aws", resourceDisplayName: "AWS" }]),
    groupAssignments: [],
    events: ok([awsFailure]),
    truncated: { groups: false, assignments: false, events: false },
    ...parts,
  };
}
const fleet = { entries: [{ servicePrincipal: { id: "sp-aws", displayName: "AWS", appId: "x" }, jobs: [{ id: "aws.1", templateId: "aws", status: { code: "Active" } } as SynchronizationJob] }], failures: [] };
const [awsRow] = personApps(trace(), { id: ME, accountEnabled: true }, fleet, now).rows;
const idle: ProvisionNowState = { run: { status: "idle" }, result: null, rules: { status: "idle" }, secondsLeft: 0, busy: false };
const provision = (state: Partial<ProvisionNowState>, options: { readOnly?: boolean; accountEnabled?: boolean | null } = {}) =>
  renderToStaticMarkup(<ProvisionNow state={{ ...idle, ...state }} appName="AWS" readOnly={options.readOnly ?? false} accountEnabled={options.accountEnabled ?? true} onProvision={() => {}} />);

describe("PersonRowView", () => {
  const render = (row: PersonRow) => renderToStaticMarkup(<PersonRowView row={row} provision={null} />);

  it("carries the e2e contract on the row, and shows the app, job, assignment, scope and latest event", () => {
    const html = render(awsRow);
    expect(html).toMatch(/data-testid="person-row" data-sp="sp-aws" data-job="aws.1" data-assignment="direct" data-in-scope="true" data-status="failure" data-action="create"/);
    expect(html).toContain('href="/service-principals/sp-aws"');
    expect(html).toContain('href="/service-principals/sp-aws/jobs/aws.1"');
    expect(html).toContain('data-testid="person-assignment">Assigned directly</dd>');
    expect(html).toContain('data-testid="person-event-error"');
    expect(html).toContain('data-testid="logs-error-code">MandatoryFieldsMissing');
    // The docs' recommended action for the code, since this entry carries none.
    expect(html).toContain('data-source="docs"');
    expect(html).toContain(`href="/service-principals/sp-aws/jobs/aws.1/logs?q=${ME}&amp;entry=e-aws"`);
    expect(html).toContain(`href="/service-principals/sp-aws/jobs/aws.1/logs?q=${ME}"`);
    // A failed create: no account in the app.
    expect(html).not.toContain('data-testid="person-target-id"');
    expect(text(html)).toContain("Their account in the app: none reported");
    // Headed by the app's name, a link to its page.
    expect(html).toMatch(/<h3 id="[^"]+" class="[^"]*"><a class="[^"]*" href="\/service-principals\/sp-aws">AWS<\/a><\/h3>/);
    expect(html).toMatch(/aria-labelledby="([^"]+)"[\s\S]*<h3 id="\1"/);
  });

  it("says plainly when there is no event, and shows the account id when there is one", () => {
    const [quiet] = personApps(trace({ events: ok([]) }), { id: ME, accountEnabled: true }, fleet, now).rows;
    expect(text(render(quiet))).toContain("No provisioning event for them in this job in the last 30 days.");
    const created = { ...awsFailure, provisioningStatusInfo: { status: "success" }, targetIdentity: { id: "aws-user-42" } } as ProvisioningLogEntry;
    const [done] = personApps(trace({ events: ok([created]) }), { id: ME, accountEnabled: true }, fleet, now).rows;
    expect(render(done)).toContain('data-testid="person-target-id">aws-user-42</code>');
  });
});

describe("ProvisionNow", () => {
  it("is a labelled button that says what it is doing", () => {
    expect(provision({})).toMatch(/<button type="button" class="[^"]*" data-testid="person-provision">Provision now<span class="sr-only"> in AWS<\/span><\/button>/);
    expect(text(provision({ busy: true, rules: { status: "reading" } }))).toContain("Reading the job's rules…");
    expect(provision({ busy: true, run: { status: "running", subject: { type: "user", id: ME } } })).toMatch(/disabled=""[^>]*data-testid="person-provision"/);
  });

  it("is disabled for read-only admins and for disabled accounts, and says why", () => {
    const readOnly = provision({}, { readOnly: true });
    expect(readOnly).toMatch(/disabled="" aria-describedby="([^"]+)"[^>]*data-testid="person-provision"/);
    const described = /aria-describedby="([^"]+)"/.exec(readOnly)![1];
    expect(readOnly).toContain(`<p id="${described}" class="text-slate-700">${READ_ONLY_REASON}</p>`);
    expect(text(provision({}, { accountEnabled: false }))).toContain(DISABLED_REASON.replace(/'/g, "'"));
  });

  it("after a 429 counts Graph's Retry-After down and says what happened, in a live region", () => {
    const html = provision({ secondsLeft: 7, run: { status: "failed", subject: { type: "user", id: ME }, error: { kind: "throttled", status: 429, code: "TooManyRequests", message: "slow down", retryAfterSeconds: 7 } } });
    expect(html).toContain('data-testid="person-provision-wait"');
    expect(text(html)).toContain("You can try again in 7 seconds.");
    expect(html).toMatch(/aria-live="polite"><div role="alert"[^>]*data-testid="person-provision-error" data-error-kind="throttled"/);
    expect(text(html)).toContain("Microsoft allows 5 provision-on-demand requests per 10 seconds");
  });

  it("announces a finished run", () => {
    const result = { result: { code: "skipped", known: true, raw: "Skipped", label: "Skipped", tone: "neutral", meaning: "" }, reason: null, records: [] } as const;
    const html = provision({ run: { status: "done", subject: { type: "user", id: ME }, answer: { key: "", value: "" }, sentAt: 0 }, result: result as never });
    expect(html).toContain('data-testid="person-provision-result" data-result="skipped"');
    expect(text(html)).toContain("nothing was done. The row now shows why.");
  });
});

describe("TraceProblems and PersonRequests", () => {
  it("says which groups' assignments could not be read, once, with Graph's code and request id", () => {
    const html = renderToStaticMarkup(
      <TraceProblems
        trace={trace({
          groupAssignments: [
            { group: { id: "g-1", displayName: "Slack Users" }, assignments: refused },
            { group: { id: "g-2", displayName: "Marketing" }, assignments: refused },
            { group: { id: "g-3", displayName: "Fine" }, assignments: ok([]) },
          ],
        })}
        onRetry={() => {}}
      />,
    );
    expect(text(html)).toContain("The app assignments of 2 of their groups could not be read: apps assigned only to them are missing below.");
    expect(text(html)).toContain("Slack Users, Marketing");
    expect(html).toContain("req-1");
    expect(renderToStaticMarkup(<TraceProblems trace={trace()} onRetry={() => {}} />)).toBe("");
  });

  it("a 403 on the logs is the logs' access problem, not a generic error", () => {
    const forbidden = { ok: false as const, error: { kind: "forbidden" as const, status: 403, code: "Authentication_MSGraphPermissionMissing", message: "no" } };
    const html = renderToStaticMarkup(<TraceProblems trace={trace({ events: forbidden })} onRetry={() => {}} />);
    expect(html).toContain('data-testid="logs-access-problem"');
    expect(text(html)).toContain("You can't read this person's provisioning events with this account");
  });

  it("the footnote carries the counts", () => {
    const html = renderToStaticMarkup(<PersonRequests requests={8} roundTrips={2} calls={2} />);
    expect(html).toContain('data-testid="person-requests" data-requests="8" data-round-trips="2"');
    expect(text(html)).toMatch(/^8 Graph requests in 2 round trips \(2 \$batch calls\) after the token/);
    expect(text(html)).toContain("shared with the Jobs view and cached");
  });
});
