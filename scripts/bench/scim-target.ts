import { startScimTarget } from "../../lib/scim-target/server";

/**
 * A rough benchmark over loopback, one request at a time as a provisioning engine sends them: N Users created,
 * then N `userName eq` lookups, a full list, N PATCHes. `npx tsx scripts/bench/scim-target.ts [N]` (default 1000).
 */
async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 1000);
  const target = await startScimTarget();
  const headers = { Authorization: `Bearer ${target.token}`, "Content-Type": "application/scim+json" };
  const time = async (label: string, count: number, run: (i: number) => Promise<Response>) => {
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      const res = await run(i);
      if (!res.ok) throw new Error(`${label} #${i}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    }
    const ms = performance.now() - started;
    console.log(`${label}: ${count} in ${ms.toFixed(0)} ms (${(ms / count).toFixed(2)} ms each)`);
  };
  const ids: string[] = [];
  await time("POST /Users", n, async (i) => {
    const res = await fetch(`${target.url}/Users`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
        userName: `user${i}@example.com`,
        externalId: `ext-${i}`,
        active: true,
        displayName: `User ${i}`,
        name: { givenName: "User", familyName: String(i) },
        emails: [{ value: `user${i}@example.com`, type: "work", primary: true }],
      }),
    });
    ids.push(((await res.clone().json()) as { id: string }).id);
    return res;
  });
  await time("GET /Users?filter=userName eq", n, (i) => fetch(`${target.url}/Users?filter=${encodeURIComponent(`userName eq "USER${i}@example.com"`)}`, { headers }));
  await time("GET /Users?filter=emails[type eq \"work\"].value eq (scan)", Math.min(n, 200), (i) =>
    fetch(`${target.url}/Users?filter=${encodeURIComponent(`emails[type eq "work"].value eq "user${i}@example.com"`)}`, { headers }),
  );
  await time("GET /Users (a page of 1000)", 5, () => fetch(`${target.url}/Users`, { headers }));
  await time("PATCH /Users/{id} active false", n, (i) =>
    fetch(`${target.url}/Users/${ids[i]}`, {
      method: "PATCH",
      headers,
      body: JSON.stringify({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "Replace", path: "active", value: false }] }),
    }),
  );
  await target.close();
}

void main();
