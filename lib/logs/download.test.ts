import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleProvisioningEvent } from "@/lib/emulator/logs/sample";
import { createGraphGateway } from "@/lib/graph/gateway";
import { isAbortError } from "@/lib/graph/graph-error";
import type { ProvisioningLogEntry } from "@/lib/graph/provisioning-logs";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";
import { docExampleBody } from "@/test/support/doc-examples";
import { DOWNLOAD_BOUND, pageThroughLogs, type DownloadProgress } from "./download";
import { csvFiles, jsonFile } from "./export-file";

const SP = { id: "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3d01", displayName: "Download Test App" };
const JOB_ID = "scim.0f1e2d3c4b5a69788796a5b4c3d2f101";
const ENTRIES = 2_345;
const byJob = `jobId eq '${JOB_ID}'`;

/** A CSV file's rows. It starts with a UTF-8 byte-order mark (which Blob.text(), like Excel, reads past). */
async function csvRows(blob: Blob): Promise<string[][]> {
  expect([...new Uint8Array(await blob.slice(0, 3).arrayBuffer())]).toEqual([0xef, 0xbb, 0xbf]);
  return Papa.parse<string[]>(await blob.text(), { skipEmptyLines: true }).data;
}

describe("the CSV and JSON files", () => {
  const entry = docExampleBody("docs/examples/v1.0/provisioningobjectsummary-list__list_provisioningobjectsummary_error__response.http").value[0] as ProvisioningLogEntry;

  it("ProvisioningLogs.csv: one row per entry, every field but steps and modified properties", async () => {
    const builder = csvFiles();
    builder.add([entry]);
    const [main, steps, properties] = builder.finish();
    expect([main.name, steps.name, properties.name]).toEqual(["ProvisioningLogs.csv", "ProvisioningLogs_ProvisioningSteps.csv", "ProvisioningLogs_ModifiedProperties.csv"]);
    expect(main.blob.type).toBe("text/csv;charset=utf-8");
    const [header, row, ...rest] = await csvRows(main.blob);
    expect(rest).toEqual([]);
    const record = Object.fromEntries(header.map((name, i) => [name, row[i]]));
    expect(record).toMatchObject({
      "Date (UTC)": "2019-06-24T20:53:08Z",
      ID: "gc532ff9-r265-ec76-861e-42e2970a8218",
      "Change ID": "eaad2f8b-e6e3-409b-83bd-e4e2e57177d5",
      "Cycle ID": "44576n58-v14b-70fj-8404-3d22tt46ed93",
      "Job ID": "ContosoOutDelta.7928d5b574424a97ne2d66f9j9972ecn",
      Action: "create",
      Status: "failure",
      "Error code": "ContosoEntryConflict",
      "Error category": "nonServiceFailure",
      "Recommended action": "",
      "Duration (ms)": "2785",
      "Service principal name": "Contoso",
      "Source system": "Azure Active Directory",
      "Target system": "Contoso",
      "Source identity type": "Group",
      "Source display name": "Self-service Pilot",
      "Target ID": "",
      "Initiated by": "Azure AD Provisioning Service",
      "Initiator type": "system",
    });
    // The reason holds a comma-free sentence with double spaces and a period: kept verbatim.
    expect(record.Reason).toBe(entry.provisioningStatusInfo!.errorInformation!.reason);
  });

  it("the steps and modified properties files join on the change ID", async () => {
    const builder = csvFiles();
    builder.add([entry]);
    const [, steps, properties] = builder.finish();
    const stepRows = await csvRows(steps.blob);
    expect(stepRows[0]).toEqual(["Change ID", "Step", "Name", "Type", "Status", "Description", "Details"]);
    expect(stepRows.slice(1).map((r) => r.slice(0, 5))).toEqual([
      ["eaad2f8b-e6e3-409b-83bd-e4e2e57177d5", "1", "EntryImportAdd", "import", "success"],
      ["eaad2f8b-e6e3-409b-83bd-e4e2e57177d5", "2", "EntrySynchronizationAdd", "matching", "success"],
      ["eaad2f8b-e6e3-409b-83bd-e4e2e57177d5", "3", "EntryExportAdd", "export", "failure"],
    ]);
    expect(stepRows[3][6]).toBe('{"ReportableIdentifier":"Self-service Pilot"}');
    const propertyRows = await csvRows(properties.blob);
    expect(propertyRows[0]).toEqual(["Change ID", "Property", "Old value", "New value"]);
    expect(propertyRows[1]).toEqual(["eaad2f8b-e6e3-409b-83bd-e4e2e57177d5", "objectId", "", "5e0c9eae-ad3d-4139-5ad0-174391d110eb"]);
    expect(propertyRows).toHaveLength(7);
  });

  it("quotes commas, quotes and line breaks, and keeps formulas from running in a spreadsheet", async () => {
    const builder = csvFiles();
    builder.add([{ ...entry, sourceIdentity: { ...entry.sourceIdentity, displayName: '=HYPERLINK("http://x","Click")' }, cycleId: 'a,b "c"\nd' }]);
    const [main] = builder.finish();
    const text = await main.blob.text();
    expect(text).toContain('"a,b ""c""\nd"');
    const [header, row] = await csvRows(main.blob);
    expect(row[header.indexOf("Source display name")]).toBe(`'=HYPERLINK("http://x","Click")`);
  });

  it("ProvisioningLogs.json: one compact array of the entries as Graph sent them, built page by page", async () => {
    const builder = jsonFile();
    builder.add([entry]);
    builder.add([]);
    builder.add([{ ...entry, id: "second" }]);
    const [file] = builder.finish();
    expect(file.name).toBe("ProvisioningLogs.json");
    expect(JSON.parse(await file.blob.text())).toEqual([entry, { ...entry, id: "second" }]);
    expect(await jsonFileOf([]).blob.text()).toBe("[]");
  });

  function jsonFileOf(entries: ProvisioningLogEntry[]) {
    const builder = jsonFile();
    builder.add(entries);
    return builder.finish()[0];
  }
});

describe("pageThroughLogs against the emulator", () => {
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
    const now = emulator.instance.state.clock.now();
    for (let n = 0; n < ENTRIES; n++) emulator.instance.state.tenant.provisioningLog.add(sampleProvisioningEvent(n, { at: now - n * 1_000, jobId: JOB_ID, servicePrincipal: SP }));
  });
  afterAll(() => emulator.close());
  const graph = () => createGraphGateway({ baseUrl: emulator.url, version: "beta", getToken: () => emulator.token("auditor") });

  it("says its bound", () => expect(DOWNLOAD_BOUND).toBe(50_000));

  it("pages through every matching entry with the largest pages, reporting progress, in Graph's order", async () => {
    await emulator.clearRequests();
    const progress: DownloadProgress[] = [];
    const ids: string[] = [];
    const outcome = await pageThroughLogs(graph(), {
      filter: byJob,
      onPage: (entries, p) => {
        ids.push(...entries.map((e) => e.id));
        progress.push(p);
      },
    });
    expect(outcome).toEqual({ rows: ENTRIES, truncated: false });
    expect(progress).toEqual([1000, 2000, 2345].map((rows) => ({ rows, bound: DOWNLOAD_BOUND })));
    expect(new Set(ids).size).toBe(ENTRIES);
    const requests = (await emulator.requests()).filter((r) => r.path.includes("/auditLogs/provisioning"));
    expect(requests).toHaveLength(3);
  });

  it("stops at the bound and says whether more entries matched", async () => {
    let rows = 0;
    const outcome = await pageThroughLogs(graph(), { filter: byJob, bound: 1_500, onPage: (entries) => (rows += entries.length) });
    expect(outcome).toEqual({ rows: 1_500, truncated: true });
    expect(rows).toBe(1_500);
    // Exactly as many as the bound: nothing was left out.
    expect(await pageThroughLogs(graph(), { filter: byJob, bound: ENTRIES, onPage: () => undefined })).toEqual({ rows: ENTRIES, truncated: false });
    expect(await pageThroughLogs(graph(), { filter: `${byJob} and provisioningAction eq 'create'`, bound: 500, onPage: () => undefined })).toEqual({ rows: 294, truncated: false });
  });

  it("cancels: no further page is requested once the signal aborts", async () => {
    const controller = new AbortController();
    const pages: number[] = [];
    await emulator.clearRequests();
    const run = pageThroughLogs(graph(), {
      filter: byJob,
      signal: controller.signal,
      onPage: (entries) => {
        pages.push(entries.length);
        controller.abort();
      },
    });
    await expect(run).rejects.toSatisfy(isAbortError);
    expect(pages).toEqual([1000]);
    expect((await emulator.requests()).filter((r) => r.path.includes("/auditLogs/provisioning"))).toHaveLength(1);
  });

  it("cancels a request in flight: the caller gets the AbortError, not a network failure", async () => {
    const controller = new AbortController();
    const cancelling = ((input: RequestInfo | URL, init?: RequestInit) => {
      const answer = fetch(input, init);
      controller.abort();
      return answer;
    }) as typeof fetch;
    const gateway = createGraphGateway({ baseUrl: emulator.url, version: "beta", getToken: () => emulator.token("auditor"), fetch: cancelling });
    await expect(pageThroughLogs(gateway, { filter: byJob, signal: controller.signal, onPage: () => undefined })).rejects.toSatisfy(isAbortError);
    const before = new AbortController();
    before.abort();
    await expect(pageThroughLogs(graph(), { filter: byJob, signal: before.signal, onPage: () => undefined })).rejects.toSatisfy(isAbortError);
  });

  it("a CSV of the whole download has exactly the filtered rows", async () => {
    const builder = csvFiles();
    const filter = `${byJob} and provisioningStatusInfo/status eq 'failure'`;
    const outcome = await pageThroughLogs(graph(), { filter, onPage: (entries) => builder.add(entries) });
    const [main, steps] = builder.finish();
    const rows = await csvRows(main.blob);
    expect(rows).toHaveLength(outcome.rows + 1);
    // sampleProvisioningEvent(n) fails when n % 6 === 3.
    expect(outcome.rows).toBe(Array.from({ length: ENTRIES }, (_, n) => n).filter((n) => n % 6 === 3).length);
    expect(rows.slice(1).every((row) => row[rows[0].indexOf("Status")] === "failure")).toBe(true);
    expect(await csvRows(steps.blob)).toHaveLength(outcome.rows * 4 + 1);
  });
});
