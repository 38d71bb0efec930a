// Rate limits (numbers in Config, documented in README): sign-in and registration per IP, writes per
// account. Answered with 429 rate_limited and Retry-After. MARQUEE_RATE_LIMIT=off disables them.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import type { Config, RateLimitRule } from '../../config.js';
import { AppError } from '../../domain/errors.js';

export async function registerRateLimits(app: FastifyInstance, config: Config): Promise<void> {
  if (!config.rateLimits.enabled) return;
  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler',
    errorResponseBuilder: (_req, ctx) => new AppError('rate_limited', `Too many requests; try again in ${Math.ceil(ctx.ttl / 1000)} seconds.`),
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
  });
}

type LimitConfig = { rateLimit?: RateLimitOptions };
const rule = (r: RateLimitRule, keyGenerator: (req: FastifyRequest) => string): RateLimitOptions => ({ max: r.max, timeWindow: r.windowMs, keyGenerator });

/** Route `config` for sign-in and registration: per client IP. */
export const authLimit = (config: Config): LimitConfig =>
  config.rateLimits.enabled ? { rateLimit: rule(config.rateLimits.auth, (req) => `auth:${req.ip}`) } : {};

/** Route `config` for writes: per account (per IP before sign-in). */
export const writeLimit = (config: Config): LimitConfig =>
  config.rateLimits.enabled ? { rateLimit: rule(config.rateLimits.writes, (req) => (req.actor ? `user:${req.actor.id}` : `ip:${req.ip}`)) } : {};
