import type { ServicePrincipal } from "@microsoft/microsoft-graph-types-beta";
import { CopyButton } from "@/components/ui/copy-button";
import { routes } from "@/lib/routes";

const SSO_MODES: Record<string, string> = {
  saml: "SAML",
  oidc: "OpenID Connect",
  password: "Password-based",
  notSupported: "Not supported",
};

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{term}</dt>
      <dd className="mt-0.5 break-all text-slate-900">{children}</dd>
    </div>
  );
}

/** The service principal's identity: names, ids, publisher, homepage, SSO mode and tags, with a shareable link. */
export function ServicePrincipalHeader({ servicePrincipal: sp }: { servicePrincipal: ServicePrincipal }) {
  const homepage = sp.homepage && /^https?:\/\//i.test(sp.homepage) ? sp.homepage : null;
  return (
    <header className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm text-slate-600">Service principal</p>
          <h1 className="text-2xl font-semibold break-words">{sp.displayName || "(no display name)"}</h1>
        </div>
        <CopyButton text={`${window.location.origin}${routes.servicePrincipal(sp.id!)}`} label="Copy link" showLabel />
      </div>
      <dl className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Fact term="Application (client) id">
          <span className="font-mono text-sm">{sp.appId}</span>
        </Fact>
        <Fact term="Object id">
          <span className="font-mono text-sm">{sp.id}</span>
        </Fact>
        <Fact term="Publisher">{sp.publisherName || "Unknown"}</Fact>
        <Fact term="Homepage">
          {homepage ? (
            <a href={homepage} target="_blank" rel="noopener noreferrer" className="text-brand-700 underline">
              {homepage}
              <span className="sr-only"> (opens in a new tab)</span>
            </a>
          ) : (
            "None"
          )}
        </Fact>
        <Fact term="Single sign-on mode">
          {sp.preferredSingleSignOnMode ? (SSO_MODES[sp.preferredSingleSignOnMode] ?? sp.preferredSingleSignOnMode) : "Not configured"}
        </Fact>
        <Fact term="Tags">
          {sp.tags?.length ? (
            <ul className="flex flex-wrap gap-1">
              {sp.tags.map((tag) => (
                <li key={tag} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">
                  {tag}
                </li>
              ))}
            </ul>
          ) : (
            "None"
          )}
        </Fact>
      </dl>
    </header>
  );
}
