import { FaultInjector } from "./controls/faults";
import { RequestLog } from "./controls/requestLog";
import { DEFAULT_CLOCK_SPEED, EngineClock } from "./engine/clock";
import { RateLimiter } from "./graph/rateLimit";
import type { EmulatorState } from "./graph/types";
import { buildTenant } from "./seed/build";

/** One emulator: its tenant, clock, settings, faults and request log. Instances share nothing but the signing key. */
export class EmulatorInstance {
  readonly state: EmulatorState;
  readonly faults = new FaultInjector();
  readonly log = new RequestLog();
  scale: number;

  constructor(options: { scale?: number; clockSpeed?: number } = {}) {
    this.scale = options.scale ?? 0;
    const clock = new EngineClock(options.clockSpeed ?? DEFAULT_CLOCK_SPEED);
    this.state = {
      tenant: buildTenant({ now: clock.now(), scale: this.scale }),
      clock,
      settings: { accessTokenLifetimeSeconds: 3600, createJobStatus: 201 },
      rateLimits: new RateLimiter(),
    };
  }

  /** Back to the seed (optionally at another scale); clears faults, the request log and rate limits. */
  reset(scale?: number): void {
    if (scale !== undefined) this.scale = scale;
    this.state.tenant = buildTenant({ now: this.state.clock.now(), scale: this.scale });
    this.faults.clear();
    this.log.clear();
    this.state.rateLimits.clear();
  }
}
