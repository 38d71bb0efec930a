// The only reader of process.env. Everything else takes a typed Config.
// Every bad value is collected and reported in one error at startup.
import { parsePolicy, type Policy } from './domain/quality/policy.js';
import type { CheckpointerOptions } from './store/dialect/sqlite-checkpointer.js';

export interface RateLimitRule {
  /** Requests allowed per window. */
  max: number;
  /** Window length in milliseconds. */
  windowMs: number;
}

export interface Config {
  databaseUrl: string;
  host: string;
  port: number;
  /** Public base URL; an https URL makes cookies Secure. */
  baseUrl: string;
  logLevel: string;
  /** Bayesian prior weight m of the weighted title score. */
  scorePriorWeight: number;
  rateLimits: {
    enabled: boolean;
    /** Login and register attempts per IP. */
    auth: RateLimitRule;
    /** Writes (POST/PUT/PATCH/DELETE under /api) per account. */
    writes: RateLimitRule;
  };
  /** Session lifetime in days. */
  sessionDays: number;
  /** How long a session's or token's account is remembered between lookups (0: looked up every request). */
  authCacheSeconds: number;
  /** Upper bound of writes committed together by the group-commit writer. */
  writeBatchMax: number;
  /** SQLite file: commit votes on a writer thread of their own (src/services/writer-thread.ts). */
  writerThread: boolean;
  /** With the writer thread: checkpoints on a thread of their own (src/store/dialect/sqlite-checkpointer.ts). */
  checkpointer: boolean;
  /** When the checkpointer copies and restarts the log, in frames (tests make them small; default in store/dialect/sqlite-checkpointer.ts). */
  checkpointFrames?: CheckpointerOptions;
  /** Review integrity (issue 5): the policy per warning code and the signal checks' thresholds. */
  quality: {
    policy: Policy;
    /** too_short below this many characters (0 turns the check off). */
    minLength: number;
    /** link_spam above this many links. */
    maxLinks: number;
  };
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export const DEFAULT_DATABASE_URL = 'sqlite:./data/marquee.db';

/** Reads and validates the environment. `overrides` win over `env` (CLI flags, tests). */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = [];

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  };
  const num = (name: string, fallback: number, min: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min) {
      problems.push(`${name} must be a number of at least ${min} (got "${raw}")`);
      return fallback;
    }
    return n;
  };

  const databaseUrl = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (!/^(sqlite:|postgres:\/\/|postgresql:\/\/)/.test(databaseUrl)) {
    problems.push(`DATABASE_URL must start with sqlite: or postgres:// (got "${databaseUrl}")`);
  }
  const port = int('PORT', 3000, 0, 65535);
  const host = env.HOST || '0.0.0.0';
  const baseUrl = env.BASE_URL || `http://localhost:${port}`;
  try {
    new URL(baseUrl);
  } catch {
    problems.push(`BASE_URL must be an absolute URL (got "${baseUrl}")`);
  }
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "${logLevel}")`);
  }
  /** An "on"/"off" switch, on unless set to "off". */
  const on = (name: string): boolean => {
    const value = env[name] ?? 'on';
    if (!['on', 'off'].includes(value)) problems.push(`${name} must be "on" or "off" (got "${value}")`);
    return value !== 'off';
  };

  const qualityPolicy = parsePolicy(env.MARQUEE_QUALITY_POLICY);
  for (const p of qualityPolicy.problems) problems.push(`MARQUEE_QUALITY_POLICY: ${p}`);

  const config: Config = {
    databaseUrl,
    host,
    port,
    baseUrl,
    logLevel,
    scorePriorWeight: num('MARQUEE_SCORE_PRIOR_WEIGHT', 10, 0),
    rateLimits: {
      enabled: on('MARQUEE_RATE_LIMIT'),
      auth: {
        max: int('MARQUEE_RATE_LIMIT_AUTH_MAX', 10, 1, 1_000_000),
        windowMs: int('MARQUEE_RATE_LIMIT_AUTH_WINDOW_SECONDS', 60, 1, 86_400) * 1000,
      },
      writes: {
        max: int('MARQUEE_RATE_LIMIT_WRITES_MAX', 120, 1, 1_000_000),
        windowMs: int('MARQUEE_RATE_LIMIT_WRITES_WINDOW_SECONDS', 60, 1, 86_400) * 1000,
      },
    },
    sessionDays: int('MARQUEE_SESSION_DAYS', 30, 1, 3650),
    authCacheSeconds: int('MARQUEE_AUTH_CACHE_SECONDS', 5, 0, 60),
    writeBatchMax: int('MARQUEE_WRITE_BATCH_MAX', 256, 1, 10_000),
    writerThread: on('MARQUEE_WRITER_THREAD'),
    checkpointer: on('MARQUEE_CHECKPOINTER'),
    quality: {
      policy: qualityPolicy.policy,
      minLength: int('MARQUEE_MIN_REVIEW_LENGTH', 200, 0, 20_000),
      maxLinks: int('MARQUEE_MAX_LINKS', 2, 0, 1000),
    },
    ...overrides,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
