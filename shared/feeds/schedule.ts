// Polite polling arithmetic (pure).
//
// Success: the per-feed base interval (default 15 min) is scaled by how many new items recent
// polls found (busy feeds are polled more often, silent ones less), bounded to 5 min … 6 h.
// Failure: exponential backoff from the base interval, doubling per consecutive failure, capped at
// 6 h for temporary and 24 h for permanent errors, ±10 % deterministic jitter (a hash of the
// inputs, so replays compute the same schedule) and never earlier than a server's Retry-After
// (itself capped at 24 h).

export const MIN_INTERVAL_MS = 5 * 60_000;
export const MAX_INTERVAL_MS = 6 * 60 * 60_000;
export const MAX_PERMANENT_BACKOFF_MS = 24 * 60 * 60_000;
export const DEFAULT_BASE_INTERVAL_MIN = 15;
/** Consecutive permanent failures after which a feed is disabled for a human to look at. */
export const DISABLE_AFTER_PERMANENT_FAILURES = 10;
/** How many of the most recent polls the adaptive interval looks at. */
export const RECENT_WINDOW = 10;

export interface PollState {
  baseIntervalMin?: number;
  /** New-item counts of recent successful polls, oldest first. */
  recentNewItemCounts: number[];
  consecutiveFailures: number;
  lastError?: { kind: 'temporary' | 'permanent'; retryAfterMs?: number | null } | null;
  /** Extra input for the jitter (e.g. the feed id) so feeds with equal state spread out. */
  jitterKey?: string | number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Deterministic factor in [0.9, 1.1] from a string (FNV-1a). */
export function jitterFactor(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return 0.9 + (h / 0xffffffff) * 0.2;
}

/** Multiplier on the base interval from recent activity. */
export function activityFactor(recentNewItemCounts: number[]): number {
  const recent = recentNewItemCounts.slice(-RECENT_WINDOW).filter((n) => Number.isFinite(n) && n >= 0);
  if (recent.length === 0) return 1;
  const mean = recent.reduce((a, b) => a + b, 0) / recent.length;
  if (mean >= 10) return 1 / 3;
  if (mean >= 3) return 0.5;
  if (mean >= 0.5) return 1;
  // Quiet feed: stretch with the length of the trailing run of empty polls.
  let empty = 0;
  for (let i = recent.length - 1; i >= 0 && recent[i] === 0; i--) empty++;
  return empty >= 3 ? 2 ** Math.min(5, Math.floor(empty / 3) + 1) : 2;
}

/** Milliseconds until the next poll. */
export function nextPollDelay(state: PollState): number {
  const baseMin = state.baseIntervalMin && state.baseIntervalMin > 0 ? state.baseIntervalMin : DEFAULT_BASE_INTERVAL_MIN;
  const baseMs = baseMin * 60_000;
  const key = `${state.jitterKey ?? ''}|${state.consecutiveFailures}|${state.recentNewItemCounts.slice(-RECENT_WINDOW).join(',')}`;
  const jitter = jitterFactor(key);
  if (state.consecutiveFailures <= 0) {
    return Math.round(clamp(baseMs * activityFactor(state.recentNewItemCounts) * jitter, MIN_INTERVAL_MS, MAX_INTERVAL_MS));
  }
  const permanent = state.lastError?.kind === 'permanent';
  const cap = permanent ? MAX_PERMANENT_BACKOFF_MS : MAX_INTERVAL_MS;
  const exp = Math.min(30, state.consecutiveFailures - 1);
  let delay = clamp(baseMs * 2 ** exp * jitter, MIN_INTERVAL_MS, cap);
  const retryAfter = state.lastError?.retryAfterMs;
  if (typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter > delay) {
    delay = Math.min(retryAfter, MAX_PERMANENT_BACKOFF_MS);
  }
  return Math.round(delay);
}

export function shouldDisable(permanentFailureCount: number, threshold: number = DISABLE_AFTER_PERMANENT_FAILURES): boolean {
  return permanentFailureCount >= threshold;
}

export type PollOutcome = 'ok' | 'not_modified' | 'temporary_error' | 'permanent_error';

/**
 * Outcome of one poll: a fetch result (`notModified` decides) or a thrown error. Errors carrying
 * `kind` (FetchError, FeedParseError) keep it; anything else (bugs, unexpected exceptions)
 * counts as temporary so that a code defect cannot get feeds disabled.
 */
export function classifyOutcome(outcome: { notModified: boolean } | Error | unknown): PollOutcome {
  if (outcome && typeof outcome === 'object' && !(outcome instanceof Error) && 'notModified' in outcome) {
    return (outcome as { notModified: boolean }).notModified ? 'not_modified' : 'ok';
  }
  const kind = (outcome as { kind?: unknown } | null)?.kind;
  return kind === 'permanent' ? 'permanent_error' : 'temporary_error';
}
