import { describe, expect, it } from 'vitest';
import { FeedParseError, FetchError } from './errors.ts';
import { classifyOutcome, MAX_INTERVAL_MS, MIN_INTERVAL_MS, nextPollDelay, shouldDisable } from './schedule.ts';

const MIN = 60_000;

describe('nextPollDelay', () => {
  it('base interval ±10 % for an average feed, default base 15 min', () => {
    const d = nextPollDelay({ recentNewItemCounts: [1, 1, 1], consecutiveFailures: 0 });
    expect(d).toBeGreaterThanOrEqual(13.5 * MIN);
    expect(d).toBeLessThanOrEqual(16.5 * MIN);
  });

  it('busy feeds are polled more often, silent feeds less, within bounds', () => {
    const busy = nextPollDelay({ baseIntervalMin: 15, recentNewItemCounts: [20, 15, 30], consecutiveFailures: 0 });
    const quiet = nextPollDelay({ baseIntervalMin: 15, recentNewItemCounts: [0, 0, 0, 0, 0, 0], consecutiveFailures: 0 });
    const dead = nextPollDelay({ baseIntervalMin: 60, recentNewItemCounts: Array(10).fill(0), consecutiveFailures: 0 });
    expect(busy).toBeLessThan(10 * MIN);
    expect(busy).toBeGreaterThanOrEqual(MIN_INTERVAL_MS);
    expect(quiet).toBeGreaterThan(30 * MIN);
    expect(dead).toBeLessThanOrEqual(MAX_INTERVAL_MS);
    expect(nextPollDelay({ baseIntervalMin: 1, recentNewItemCounts: [50], consecutiveFailures: 0 })).toBe(MIN_INTERVAL_MS);
  });

  it('exponential backoff with caps, deterministic', () => {
    const d = (n: number, kind: 'temporary' | 'permanent' = 'temporary') =>
      nextPollDelay({ baseIntervalMin: 15, recentNewItemCounts: [], consecutiveFailures: n, lastError: { kind, retryAfterMs: null } });
    expect(d(2)).toBeGreaterThan(d(1));
    expect(d(3)).toBeGreaterThan(d(2));
    expect(d(3)).toBeGreaterThanOrEqual(54 * MIN);
    expect(d(3)).toBeLessThanOrEqual(66 * MIN);
    expect(d(30)).toBe(MAX_INTERVAL_MS);
    expect(d(30, 'permanent')).toBe(24 * 60 * MIN);
    expect(d(4)).toBe(d(4));
  });

  it('jitter differs between feeds with the same state', () => {
    const a = nextPollDelay({ recentNewItemCounts: [1], consecutiveFailures: 0, jitterKey: 'feed-1' });
    const b = nextPollDelay({ recentNewItemCounts: [1], consecutiveFailures: 0, jitterKey: 'feed-2' });
    expect(a).not.toBe(b);
  });

  it('honours Retry-After', () => {
    const d = nextPollDelay({ recentNewItemCounts: [], consecutiveFailures: 1, lastError: { kind: 'temporary', retryAfterMs: 3 * 60 * MIN } });
    expect(d).toBe(3 * 60 * MIN);
    const capped = nextPollDelay({ recentNewItemCounts: [], consecutiveFailures: 1, lastError: { kind: 'temporary', retryAfterMs: 30 * 24 * 60 * MIN } });
    expect(capped).toBe(24 * 60 * MIN);
  });
});

describe('shouldDisable / classifyOutcome', () => {
  it('disables after 10 consecutive permanent failures', () => {
    expect(shouldDisable(9)).toBe(false);
    expect(shouldDisable(10)).toBe(true);
    expect(shouldDisable(3, 3)).toBe(true);
  });

  it('classifies results and errors', () => {
    expect(classifyOutcome({ notModified: false })).toBe('ok');
    expect(classifyOutcome({ notModified: true })).toBe('not_modified');
    expect(classifyOutcome(new FetchError({ code: 'http_status', kind: 'permanent', url: 'u', reason: '404', status: 404 }))).toBe('permanent_error');
    expect(classifyOutcome(new FetchError({ code: 'timeout', kind: 'temporary', url: 'u', reason: 't' }))).toBe('temporary_error');
    expect(classifyOutcome(new FeedParseError({ code: 'not_a_feed', url: 'u', reason: 'html' }))).toBe('permanent_error');
    expect(classifyOutcome(new TypeError('bug'))).toBe('temporary_error');
  });
});
