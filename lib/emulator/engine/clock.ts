/**
 * The engine's clock. It never runs ahead of the wall clock by itself: `speed` compresses how long engine work
 * takes (a job's durations are divided by its `pace`, see operations.ts `repace`), so at speed 60 a 40-minute
 * interval passes in 40 s and every timestamp is a real past or present moment. Speed 0 stops the clock
 * (durations as Graph's); `advance` moves it forward on purpose (tests, training), ahead of the wall clock.
 */
export const DEFAULT_CLOCK_SPEED = 60; // a ~30-minute initial cycle takes ~30 s of real time

export class EngineClock {
  /** Engine time minus real time while the clock runs. */
  private offset = 0;
  /** Engine time while the clock is stopped (speed 0). */
  private stoppedAt: number | null;

  constructor(
    private currentSpeed = DEFAULT_CLOCK_SPEED,
    private readonly realNow: () => number = Date.now,
  ) {
    this.stoppedAt = currentSpeed === 0 ? realNow() : null;
  }

  /** Engine time in epoch milliseconds. */
  now(): number {
    return this.stoppedAt ?? this.realNow() + this.offset;
  }

  get speed(): number {
    return this.currentSpeed;
  }

  /** How many times faster than Graph the engine works: 1 while the clock is stopped. */
  get pace(): number {
    return this.currentSpeed > 0 ? this.currentSpeed : 1;
  }

  setSpeed(speed: number): void {
    const now = this.now();
    this.currentSpeed = speed;
    if (speed === 0) {
      this.stoppedAt = now;
    } else {
      this.stoppedAt = null;
      this.offset = now - this.realNow();
    }
  }

  advance(ms: number): void {
    if (this.stoppedAt !== null) this.stoppedAt += ms;
    else this.offset += ms;
  }
}
