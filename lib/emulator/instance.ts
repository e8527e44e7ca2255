import { FaultInjector } from "./controls/faults";
import { RequestLog } from "./controls/requestLog";
import { DEFAULT_CLOCK_SPEED, EngineClock } from "./engine/clock";
import { repace } from "./engine/operations";
import { RateLimiter } from "./graph/rateLimit";
import type { EmulatorState } from "./graph/types";
import { buildTenant } from "./seed/build";
import type { Tenant } from "./store/tenant";

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
      tenant: this.seededTenant(clock),
      clock,
      settings: { accessTokenLifetimeSeconds: 3600, createJobStatus: 201 },
      rateLimits: new RateLimiter(),
    };
  }

  /** Back to the seed (optionally at another scale); clears faults, the request log and rate limits. */
  reset(scale?: number): void {
    if (scale !== undefined) this.scale = scale;
    this.state.tenant.retire();
    this.state.tenant = this.seededTenant(this.state.clock);
    this.faults.clear();
    this.log.clear();
    this.state.rateLimits.clear();
  }

  /** Changes the clock's speed; each job's work is compressed by the new pace from now on. */
  setClockSpeed(speed: number): void {
    const { clock, tenant } = this.state;
    clock.setSpeed(speed);
    for (const job of tenant.allJobs()) repace(job, clock.now(), clock.pace);
  }

  /** The seed's history is laid out at Graph's pace; from now on its jobs run at the clock's. */
  private seededTenant(clock: EngineClock): Tenant {
    const tenant = buildTenant({ now: clock.now(), scale: this.scale });
    for (const job of tenant.allJobs()) repace(job, clock.now(), clock.pace);
    return tenant;
  }
}
