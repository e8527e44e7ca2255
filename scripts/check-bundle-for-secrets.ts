/**
 * `npx tsx scripts/check-bundle-for-secrets.ts [dir]`: scans the built client bundle (default `.next/static`)
 * for JWTs, private keys and reads of server-only environment variables (lib/security/secret-scan.ts).
 * Exits 1 with one line per finding (never the whole secret), 2 when there is no build to scan.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { scanClientBundle } from "../lib/security/scan-files";
import { describeFindings } from "../lib/security/secret-scan";

const dir = path.resolve(process.argv[2] ?? path.join(".next", "static"));
if (!existsSync(dir)) {
  console.error(`No client bundle at ${dir}: run \`npm run build\` first.`);
  process.exit(2);
}
const scan = scanClientBundle(dir);
if (scan.findings.length) {
  console.error(`${scan.findings.length} secret(s) in the client bundle:\n${describeFindings(scan.findings)}`);
  process.exit(1);
}
console.log(`Client bundle clean: ${scan.files} files, ${(scan.bytes / 1024).toFixed(0)} KiB, no JWT, private key or server env read.`);
