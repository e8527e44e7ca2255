import { Client, HTTPMessageHandler, RetryHandler, RetryHandlerOptions, type Context, type Middleware } from "@microsoft/microsoft-graph-client";
import type { ServicePrincipal, SynchronizationJob, SynchronizationTemplate } from "@microsoft/microsoft-graph-types-beta";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_SP_IDS, SP } from "./seed/ids";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";

/**
 * Microsoft's official client against the http emulator (DESIGN §8): its AuthenticationHandler drops
 * Authorization for non-https hosts, so a small bearer middleware goes in front of RetryHandler +
 * HTTPMessageHandler; PageIterator cannot follow http nextLinks, so we page by hand.
 */
class BearerMiddleware implements Middleware {
  private next?: Middleware;
  constructor(private readonly token: string) {}
  async execute(context: Context): Promise<void> {
    const headers = new Headers((context.options?.headers as HeadersInit) ?? {});
    headers.set("Authorization", `Bearer ${this.token}`);
    context.options = { ...context.options, headers };
    await this.next!.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

let emu: TestEmulator;
let client: Client;
beforeAll(async () => {
  emu = await startTestEmulator({ scale: 150 });
  const bearer = new BearerMiddleware(await emu.token("admin"));
  const retry = new RetryHandler(new RetryHandlerOptions(0, 2));
  bearer.setNext(retry);
  retry.setNext(new HTTPMessageHandler());
  client = Client.initWithMiddleware({ baseUrl: `${emu.url}/`, defaultVersion: "beta", middleware: bearer });
});
afterAll(() => emu.close());

describe("@microsoft/microsoft-graph-client against the emulator", () => {
  it("pages through all service principals by hand", async () => {
    const ids: string[] = [];
    let response = await client.api("/servicePrincipals").top(60).select("id,displayName").get();
    for (;;) {
      ids.push(...(response.value as ServicePrincipal[]).map((sp) => sp.id!));
      const next = response["@odata.nextLink"] as string | undefined;
      if (!next) break;
      response = await client.api(next.replace(`${emu.url}/beta`, "")).get();
    }
    expect(ids).toHaveLength(SEED_SP_IDS.length + 150);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("lists templates, creates, starts, pauses, restarts and deletes a job", async () => {
    const base = `/servicePrincipals/${SP.zoom}/synchronization`;
    const templates = (await client.api(`${base}/templates`).get()).value as SynchronizationTemplate[];
    expect(templates.map((t) => t.id)).toEqual(["zoom"]);
    expect(templates[0].factoryTag).toBe("CustomSCIM");
    const job = (await client.api(`${base}/jobs`).post({ templateId: templates[0].id })) as SynchronizationJob;
    expect(job.status?.code).toBe("NotConfigured");
    const path = `${base}/jobs/${encodeURIComponent(job.id!)}`;
    await client.api(`${path}/start`).post({});
    expect(((await client.api(path).get()) as SynchronizationJob).status?.code).toBe("NotRun");
    await client.api(`${path}/pause`).post({});
    expect(((await client.api(path).get()) as SynchronizationJob).schedule?.state).toBe("Paused");
    await client.api(`${path}/restart`).post({ criteria: { resetScope: "Watermark, Escrows, QuarantineState" } });
    expect(((await client.api(path).get()) as SynchronizationJob).status?.code).toBe("NotRun");
    await client.api(path).delete();
    await expect(client.api(path).get()).rejects.toMatchObject({ statusCode: 404, code: "Request_ResourceNotFound" });
  });

  it("surfaces the Graph error envelope as GraphError (code, requestId)", async () => {
    const error = await client.api(`/servicePrincipals/${SP.zoom}/synchronization/jobs`).post({ templateId: "nope" }).catch((e) => e);
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe("BadRequest");
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
