/**
 * The provider's HTML: account picker, error page, signed-out page. No script; WCAG 2.1 AA
 * (lang, one h1, landmarks, labelled controls, visible focus, contrast ≥ 4.5:1).
 */
import { PERSONAS, TENANT_ID, TENANT_NAME, type PersonaId } from "../auth/personas";

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:"Segoe UI",system-ui,-apple-system,sans-serif;font-size:1rem;line-height:1.5;color:#1b1b1b;background:#f3f3f3}
main{max-width:32rem;margin:3rem auto;padding:2rem;background:#fff;border:1px solid #d1d1d1;border-radius:8px}
.brand{margin:0 0 1rem;font-weight:600;color:#424242}
h1{font-size:1.5rem;margin:0 0 .25rem}
p{margin:.25rem 0 1rem}
ul{list-style:none;margin:0 0 1rem;padding:0}
li{margin:0 0 .5rem}
button{font:inherit;cursor:pointer}
.account{display:block;width:100%;text-align:left;padding:.75rem 1rem;background:#fff;color:#1b1b1b;border:1px solid #8a8a8a;border-radius:6px}
.account:hover{background:#ebf3fc;border-color:#0f6cbd}
.account .name{display:block;font-weight:600}
.account .upn,.account .role,.account .can{display:block;color:#424242}
.badge{display:inline-block;margin-left:.5rem;padding:0 .4rem;border-radius:4px;background:#0f6cbd;color:#fff;font-size:.875rem;font-weight:600}
.secondary{padding:.5rem 1rem;background:#fff;color:#0f548c;border:1px solid #0f548c;border-radius:6px}
a{color:#0f548c}
:focus-visible{outline:3px solid #0f548c;outline-offset:2px}
.detail{font-size:.875rem;color:#424242;overflow-wrap:anywhere}
.error{border-left:4px solid #b10e1c;padding-left:1rem}
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="brand">${escapeHtml(TENANT_NAME)} · sign-in emulator</p>
${body}
</main>
</body>
</html>
`;
}

export interface SignInPageOptions {
  action: string;
  transactionId: string;
  clientName: string;
  hinted?: PersonaId;
  signedIn?: PersonaId;
}

export function signInPage(options: SignInPageOptions): string {
  const items = Object.values(PERSONAS)
    .map((persona) => {
      const badges = [
        persona.id === options.signedIn ? `<span class="badge">Signed in</span>` : "",
        persona.id === options.hinted ? `<span class="badge">Suggested</span>` : "",
      ].join("");
      const autofocus = persona.id === options.hinted ? " autofocus" : "";
      return `<li><button class="account" type="submit" name="persona" value="${persona.id}" data-persona="${persona.id}"${autofocus}>
<span class="name">${escapeHtml(persona.name)}${badges}</span>
<span class="upn">${escapeHtml(persona.upn)}</span>
<span class="role">${escapeHtml(persona.role)}</span>
<span class="can">${escapeHtml(persona.can)}</span>
</button></li>`;
    })
    .join("\n");
  return page(
    `Sign in to ${options.clientName}`,
    `<h1>Pick an account</h1>
<p>to continue to <strong>${escapeHtml(options.clientName)}</strong>. These are the embedded tenant's people; no password is needed.</p>
<form method="post" action="${escapeHtml(options.action)}">
<input type="hidden" name="txn" value="${escapeHtml(options.transactionId)}">
<ul aria-label="Accounts">
${items}
</ul>
<button class="secondary" type="submit" name="action" value="cancel">Cancel sign-in</button>
</form>`,
  );
}

export interface ErrorPageOptions {
  code: number;
  message: string;
  traceId: string;
  correlationId: string;
  timestamp: string;
}

/** Shown instead of redirecting when the client or its redirect URI cannot be trusted. */
export function errorPage(options: ErrorPageOptions): string {
  return page(
    "Sign in error",
    `<h1>Sorry, but we’re having trouble signing you in.</h1>
<div class="error" role="alert">
<p><strong>AADSTS${options.code}:</strong> ${escapeHtml(options.message)}</p>
</div>
<h2>Troubleshooting details</h2>
<dl class="detail">
<dt>Error code</dt><dd>AADSTS${options.code}</dd>
<dt>Trace ID</dt><dd>${escapeHtml(options.traceId)}</dd>
<dt>Correlation ID</dt><dd>${escapeHtml(options.correlationId)}</dd>
<dt>Timestamp</dt><dd>${escapeHtml(options.timestamp)}</dd>
<dt>Tenant</dt><dd>${escapeHtml(TENANT_ID)}</dd>
</dl>`,
  );
}

export function signedOutPage(note?: string): string {
  return page(
    "You signed out",
    `<h1>You signed out of your account</h1>
<p>It’s a good idea to close all browser windows.</p>
${note ? `<p class="detail">${escapeHtml(note)}</p>` : ""}`,
  );
}
