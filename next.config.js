/**
 * Headers for what proxy.ts does not run on (build assets and the icon). Pages, RSC payloads and server
 * actions get theirs, with a per-response CSP nonce, from proxy.ts (lib/security/security-headers.ts).
 * Must equal STATIC_ASSET_HEADERS there (lib/security/security-headers.test.ts checks).
 */
const staticAssetHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  {
    key: "Content-Security-Policy",
    value: "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Server actions receive the Graph token as an argument; `next dev` would print it with every call.
  logging: { serverFunctions: false },
  async headers() {
    return ["/_next/static/:path*", "/icon.svg", "/favicon.ico"].map((source) => ({ source, headers: staticAssetHeaders }));
  },
};

module.exports = nextConfig;
