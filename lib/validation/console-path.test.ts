import { describe, expect, it } from "vitest";
import { hasMalformedId } from "./console-path";

const SP = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01";

describe("hasMalformedId", () => {
  it.each([
    "/service-principals",
    `/service-principals/${SP}`,
    `/service-principals/${SP}/`,
    `/service-principals/${SP}/jobs/BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01`,
    `/service-principals/${SP}/jobs/BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01/configure`,
    `/service-principals/${SP}/jobs/BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01/logs`,
    `/service-principals/${SP}/jobs/BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01/provision`,
    `/service-principals/${SP}/jobs/BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01/mappings`,
    "/people",
    `/people/${SP}`,
    "/logs",
    "/",
    "/auth/bridge",
  ])("lets %s through", (path) => expect(hasMalformedId(path)).toBe(false));

  it.each([
    "/service-principals/not-a-guid",
    "/service-principals/not-a-guid..%2F",
    `/service-principals/${SP}%2F..`,
    `/service-principals/${SP}/jobs/..%2Fsecrets`,
    `/service-principals/${SP}/jobs/a%00b`,
    `/service-principals/${SP}/jobs/%E0%A4%A`,
    `/service-principals/${SP}/jobs/${"x".repeat(201)}`,
    `/service-principals/${SP}/jobs/..%2Fsecrets/configure`,
    `/service-principals/not-a-guid/jobs/BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01/configure`,
    `/service-principals/${SP}/jobs/..%2Fsecrets/logs`,
    `/service-principals/not-a-guid/jobs/BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01/logs`,
    `/service-principals/${SP}/jobs/..%2Fsecrets/provision`,
    `/service-principals/not-a-guid/jobs/BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01/mappings`,
    "/people/megan@contoso.example",
    "/people/..%2Fusers",
  ])("stops %s", (path) => expect(hasMalformedId(path)).toBe(true));
});
