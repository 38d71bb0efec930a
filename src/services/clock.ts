// The clock is passed in, so tests can pin time and the domain never reads it.
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
