import { startEmulatorProcess, startReplicas } from "./replicas";
import { startRoundRobinProxy, type RoundRobinProxy } from "./round-robin-proxy";
import type { ServedChild } from "./served-child";

/**
 * An emulator, N console replicas pointed at it and, with `proxyPort`, the round-robin proxy in front of them:
 * what a deployment behind a load balancer looks like, on loopback. `url` is where a browser goes (the proxy, or
 * the one replica without it); the emulator lets pages of that origin call it. `stop()` stops whatever started.
 */
export interface ReplicaStackOptions {
  emulatorPort: number;
  replicaPorts: number[];
  proxyPort?: number;
  /** Extra generated service principals (EMULATOR_SCALE). */
  scale?: number;
  memoryReportDir?: string;
  echo?: boolean;
}

export interface ReplicaStack {
  url: string;
  emulator: ServedChild;
  replicas: ServedChild[];
  proxy?: RoundRobinProxy;
  stop(): Promise<void>;
}

export async function startReplicaStack(options: ReplicaStackOptions): Promise<ReplicaStack> {
  const replicaUrl = (port: number) => `http://127.0.0.1:${port}`;
  const url = replicaUrl(options.proxyPort ?? options.replicaPorts[0]);
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    while (stops.length) await stops.pop()!().catch(() => undefined);
  };
  try {
    const emulator = await startEmulatorProcess({ port: options.emulatorPort, consoleOrigin: url, scale: options.scale, echo: options.echo });
    stops.push(emulator.stop);
    const { replicas, stop: stopReplicas } = await startReplicas(options.replicaPorts, emulator.url, { memoryReportDir: options.memoryReportDir, echo: options.echo });
    stops.push(stopReplicas);
    let proxy: RoundRobinProxy | undefined;
    if (options.proxyPort !== undefined) {
      proxy = await startRoundRobinProxy({ upstreams: options.replicaPorts.map(replicaUrl), port: options.proxyPort });
      stops.push(proxy.close);
    }
    return { url, emulator, replicas, proxy, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
