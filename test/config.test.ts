import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('has sensible defaults', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBe('sqlite:./data/marquee.db');
    expect(c.port).toBe(3000);
    expect(c.rateLimits.enabled).toBe(true);
    expect(c.scorePriorWeight).toBe(10);
  });

  it('lists every bad value in one error', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', MARQUEE_RATE_LIMIT: 'maybe', BASE_URL: 'not a url', MARQUEE_WRITER_THREAD: 'yes', MARQUEE_CHECKPOINTER: '1' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/DATABASE_URL/);
      expect(problems).toMatch(/MARQUEE_RATE_LIMIT/);
      expect(problems).toMatch(/BASE_URL/);
      expect(problems).toMatch(/MARQUEE_WRITER_THREAD must be "on" or "off"/);
      expect(problems).toMatch(/MARQUEE_CHECKPOINTER must be "on" or "off" \(got "1"\)/);
    }
  });

  it('turns rate limits off only when asked', () => {
    expect(loadConfig({ MARQUEE_RATE_LIMIT: 'off' }).rateLimits.enabled).toBe(false);
    expect(loadConfig({ MARQUEE_RATE_LIMIT_WRITES_MAX: '5' }).rateLimits.writes.max).toBe(5);
  });

  it('commits votes on a writer thread unless told not to', () => {
    expect(loadConfig({}).writerThread).toBe(true);
    expect(loadConfig({ MARQUEE_WRITER_THREAD: 'off' }).writerThread).toBe(false);
  });

  it('checkpoints on a thread of their own unless told not to', () => {
    expect(loadConfig({}).checkpointer).toBe(true);
    expect(loadConfig({ MARQUEE_CHECKPOINTER: 'off' }).checkpointer).toBe(false);
  });
});
