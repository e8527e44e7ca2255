/**
 * The engine's clock: engine time runs `speed` times faster than real time and can be advanced.
 * Everything the engine reports is computed from `now()` on read; there are no timers.
 */
export const DEFAULT_CLOCK_SPEED = 60; // a ~30-minute initial cycle takes ~30 s of real time

export class EngineClock {
  private anchorReal: number;
  private anchorEngine: number;

  constructor(
    private currentSpeed = DEFAULT_CLOCK_SPEED,
    private readonly realNow: () => number = Date.now,
  ) {
    this.anchorReal = realNow();
    this.anchorEngine = this.anchorReal;
  }

  /** Engine time in epoch milliseconds. */
  now(): number {
    return Math.floor(this.anchorEngine + (this.realNow() - this.anchorReal) * this.currentSpeed);
  }

  get speed(): number {
    return this.currentSpeed;
  }

  setSpeed(speed: number): void {
    this.rebase();
    this.currentSpeed = speed;
  }

  advance(ms: number): void {
    this.rebase();
    this.anchorEngine += ms;
  }

  private rebase(): void {
    const engine = this.now();
    this.anchorReal = this.realNow();
    this.anchorEngine = engine;
  }
}
