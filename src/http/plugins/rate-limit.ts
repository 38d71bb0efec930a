// Rate limits (numbers in Config, documented in README): sign-in and registration per IP, writes per
// account. Answered with 429 rate_limited and Retry-After. MARQUEE_RATE_LIMIT=off disables them.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import type { Config, RateLimitRule } from '../../config.js';
import { AppError } from '../../domain/errors.js';

type Counter = { current: number; ttl: number; iterationStartMs: number };

/**
 * The plugin's own in-memory store gives every route a counter of its own, so "120 writes a minute"
 * would become 120 per write route. This store keeps one counter per key for all routes; the keys
 * ("auth:IP", "user:ID") say which budget a request draws on. Fixed window, like the plugin's.
 */
class SharedStore {
  readonly #counters = new Map<string, Counter>();

  incr(key: string, cb: (err: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
    const now = Date.now();
    let c = this.#counters.get(key);
    if (!c || c.iterationStartMs + timeWindow <= now) {
      if (this.#counters.size > 100_000) this.#sweep(now, timeWindow);
      c = { current: 0, ttl: timeWindow, iterationStartMs: now };
      this.#counters.set(key, c);
    }
    c.current++;
    c.ttl = c.iterationStartMs + timeWindow - now;
    cb(null, { current: c.current, ttl: c.ttl });
  }

  child(): SharedStore {
    return this;
  }

  #sweep(now: number, timeWindow: number): void {
    for (const [k, c] of this.#counters) if (c.iterationStartMs + timeWindow <= now) this.#counters.delete(k);
  }
}

export async function registerRateLimits(app: FastifyInstance, config: Config): Promise<void> {
  if (!config.rateLimits.enabled) return;
  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler',
    store: SharedStore as unknown as RateLimitOptions['store'],
    errorResponseBuilder: (_req, ctx) => new AppError('rate_limited', `Too many requests; try again in ${Math.ceil(ctx.ttl / 1000)} seconds.`),
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
  });
}

type LimitConfig = { rateLimit?: RateLimitOptions };
const rule = (r: RateLimitRule, keyGenerator: (req: FastifyRequest) => string): RateLimitOptions => ({ max: r.max, timeWindow: r.windowMs, keyGenerator });

/** Route `config` for sign-in and registration: one budget per client IP across both. */
export const authLimit = (config: Config): LimitConfig =>
  config.rateLimits.enabled ? { rateLimit: rule(config.rateLimits.auth, (req) => `auth:${req.ip}`) } : {};

/** Route `config` for writes: one budget per account (per IP before sign-in) across every write. */
export const writeLimit = (config: Config): LimitConfig =>
  config.rateLimits.enabled ? { rateLimit: rule(config.rateLimits.writes, (req) => (req.actor ? `user:${req.actor.id}` : `ip:${req.ip}`)) } : {};
