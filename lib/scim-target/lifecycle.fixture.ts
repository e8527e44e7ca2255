import { request, Agent } from "node:http";
import { connect } from "node:net";
import { startScimTarget } from "./server";

/**
 * Run by lifecycle.test.ts in a child process: starts a target, leaves keep-alive connections and a half-sent
 * request open, closes the target, and prints "closed". The process must then exit by itself: nothing left running.
 */
async function main(): Promise<void> {
  const target = await startScimTarget();
  const agent = new Agent({ keepAlive: true });
  const get = () =>
    new Promise<number>((resolve, reject) => {
      const req = request(`${target.url}/Users`, { agent, headers: { Authorization: `Bearer ${target.token}` } }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      req.end();
    });
  const statuses = await Promise.all([get(), get()]);
  const halfSent = connect(target.port, "127.0.0.1");
  halfSent.on("error", () => {});
  await new Promise<void>((resolve) => halfSent.once("connect", () => resolve()));
  halfSent.write(`POST /scim/v2/Users HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${target.token}\r\nContent-Type: application/scim+json\r\nContent-Length: 100\r\n\r\n{`);
  await new Promise((resolve) => setTimeout(resolve, 50));
  await target.close();
  console.log(`closed ${statuses.join(",")}`);
}

void main();
