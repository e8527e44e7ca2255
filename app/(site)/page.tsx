import Link from "next/link";

export default function LandingPage() {
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Provisioning Console</h1>
      <p className="mt-4 text-lg text-slate-700">
        Provisioning Console lets Microsoft Entra ID administrators browse their service principals, create
        synchronization jobs from each app&apos;s templates, and start, pause, restart or delete those jobs.
        It shows every job&apos;s schedule and status as it changes, and every app and job has a link you can share.
      </p>
      <p className="mt-8">
        <Link
          href="/service-principals"
          className="inline-flex items-center rounded-md bg-brand-600 px-4 py-2.5 font-medium text-white shadow-sm hover:bg-brand-700"
        >
          Browse service principals
        </Link>
      </p>
    </div>
  );
}
