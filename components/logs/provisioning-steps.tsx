import type { ProvisioningStepView } from "@/lib/logs/provisioning-step";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";

/**
 * The steps the provisioning service took for one object, in order: type, status, what happened and the
 * step's details. The one step renderer: provisioning log entries and provision-on-demand results both give
 * it `ProvisioningStepView`s (lib/logs/provisioning-step.ts).
 */
export function ProvisioningSteps({
  steps,
  label = "Provisioning steps",
  testIdPrefix = "logs",
}: {
  steps: ProvisioningStepView[];
  label?: string;
  /** `logs` → data-testid `logs-steps` and `logs-step`. */
  testIdPrefix?: string;
}) {
  if (steps.length === 0) return <p className="text-sm text-slate-700">The provisioning service reported no steps.</p>;
  return (
    <ol aria-label={label} className="space-y-3" data-testid={`${testIdPrefix}-steps`}>
      {steps.map((step, index) => (
        <li
          key={index}
          data-testid={`${testIdPrefix}-step`}
          data-step-type={step.type.code}
          data-status={step.status.code}
          className={`rounded-md border bg-white p-3 ${step.status.code === "failure" ? "border-red-300" : "border-slate-200"}`}
        >
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="text-sm font-semibold text-slate-900">
              <span className="tabular-nums text-slate-600">{index + 1}.</span> {step.type.label}
            </span>
            <StatusBadge term={step.status} />
            {step.name ? <code className="font-mono text-xs text-slate-600">{step.name}</code> : null}
            {step.timestamp ? <RelativeTime moment={step.timestamp} className="text-xs text-slate-600" /> : null}
          </div>
          <p className="mt-1 text-sm text-slate-800">
            <span className="sr-only">{step.type.meaning} </span>
            {step.description ?? "No description."}
          </p>
          {step.details.length ? (
            <dl className="mt-2 grid gap-x-4 gap-y-1 text-xs sm:grid-cols-[max-content_minmax(0,1fr)]">
              {step.details.map((detail) => (
                <div key={detail.name} className="contents">
                  <dt className="font-medium text-slate-600">{detail.name}</dt>
                  <dd className="break-all font-mono text-slate-900">{detail.value || "—"}</dd>
                </div>
              ))}
            </dl>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
