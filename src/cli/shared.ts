// What every command shares: configuration from the environment plus flags, and the context.
import { loadConfig, type Config } from '../config.js';
import { openContext, type AppContext, type ContextOptions } from '../context.js';
import pino from 'pino';

export async function withContext<T>(overrides: Partial<Config>, fn: (ctx: AppContext) => Promise<T>, options: ContextOptions = {}): Promise<T> {
  const config = loadConfig(process.env, overrides);
  // Commands log warnings only, to stderr, so their stdout stays machine-readable.
  const logger = options.logger ?? pino({ level: config.logLevel === 'info' ? 'warn' : config.logLevel }, pino.destination(2));
  const ctx = await openContext(config, { ...options, logger });
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

/** A commander parser for a whole number of at least 0, named in its error. */
export function parsePositiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number (got "${value}")`);
    return n;
  };
}
