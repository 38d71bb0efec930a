// The review-integrity policy: what each quality warning does to a review. A pure function from the
// warnings (and whose review a near-duplicate matched) to allow / warn / hold:
//   allow  the warning is dropped: the review is published and nobody is told;
//   warn   the review is published and its author is told (the warning is in `quality`);
//   hold   the review waits for a moderator (status `pending`) and the warning names why.
// Configurable with MARQUEE_QUALITY_POLICY="near_duplicate_other=hold,too_short=warn,…" (config.ts).

export const OUTCOMES = ['allow', 'warn', 'hold'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * The policy's keys: one per warning code, except near_duplicate, which has two: a copy of the
 * author's own review on another title (`near_duplicate_own`) and of another account's review
 * (`near_duplicate_other`).
 */
export const POLICY_KEYS = [
  'repeated_paragraph',
  'repeated_sentence',
  'too_short',
  'shouting',
  'link_spam',
  'near_duplicate_own',
  'near_duplicate_other',
] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];
export type Policy = Readonly<Record<PolicyKey, Outcome>>;

/** The defaults: repeats and short text warn; another account's near-duplicate holds, one's own warns. */
export const DEFAULT_POLICY: Policy = Object.freeze({
  repeated_paragraph: 'warn',
  repeated_sentence: 'warn',
  too_short: 'warn',
  shouting: 'warn',
  // More links than allowed is the usual shape of spam: a moderator looks first.
  link_spam: 'hold',
  near_duplicate_own: 'warn',
  near_duplicate_other: 'hold',
});

/** Outcome of a warning code the policy does not know (a check added later): told, never held. */
const UNKNOWN_CODE_OUTCOME: Outcome = 'warn';

/**
 * Parses "key=outcome,key=outcome" on top of `base` (the defaults). Blank means the defaults. Every
 * bad entry is listed in `problems` (config.ts reports them all at startup).
 */
export function parsePolicy(text: string | undefined, base: Policy = DEFAULT_POLICY): { policy: Policy; problems: string[] } {
  const policy: Record<PolicyKey, Outcome> = { ...base };
  const problems: string[] = [];
  for (const entry of (text ?? '').split(',')) {
    const trimmed = entry.trim();
    if (trimmed === '') continue;
    const m = /^([a-z_]+)\s*=\s*([a-z]+)$/.exec(trimmed);
    if (!m) {
      problems.push(`"${trimmed}" is not key=outcome`);
      continue;
    }
    const key = m[1]!;
    const outcome = m[2]!;
    // `near_duplicate` alone sets both of its keys.
    const keys: PolicyKey[] = key === 'near_duplicate' ? ['near_duplicate_own', 'near_duplicate_other'] : (POLICY_KEYS as readonly string[]).includes(key) ? [key as PolicyKey] : [];
    if (keys.length === 0) problems.push(`unknown key "${key}" (one of ${POLICY_KEYS.join(', ')}, near_duplicate)`);
    if (!(OUTCOMES as readonly string[]).includes(outcome)) problems.push(`unknown outcome "${outcome}" for ${key} (allow, warn or hold)`);
    else for (const k of keys) policy[k] = outcome as Outcome;
  }
  return { policy: Object.freeze(policy), problems };
}

/** The policy as the text parsePolicy reads (for logs and docs). */
export const formatPolicy = (policy: Policy): string => POLICY_KEYS.map((k) => `${k}=${policy[k]}`).join(',');

export interface PolicyWarning {
  code: string;
  message: string;
  [detail: string]: unknown;
}

export interface PolicyContext {
  /** For a near_duplicate warning: whether the matched review has the same author. */
  nearDuplicateIsOwn?: boolean;
}

export interface Decision {
  /** The strongest outcome over all warnings ('allow' when there are none). */
  outcome: Outcome;
  /** The warnings to store and show (warn and hold; allowed ones are dropped). */
  shown: PolicyWarning[];
  /** The warnings that hold the review. */
  held: PolicyWarning[];
  /** Why the review is held, for its author and the moderators; null unless the outcome is hold. */
  reason: string | null;
}

export function policyKeyOf(warning: { code: string }, context: PolicyContext = {}): PolicyKey | null {
  if (warning.code === 'near_duplicate') return context.nearDuplicateIsOwn ? 'near_duplicate_own' : 'near_duplicate_other';
  return (POLICY_KEYS as readonly string[]).includes(warning.code) ? (warning.code as PolicyKey) : null;
}

export function outcomeOf(warning: { code: string }, policy: Policy, context: PolicyContext = {}): Outcome {
  const key = policyKeyOf(warning, context);
  return key === null ? UNKNOWN_CODE_OUTCOME : policy[key];
}

const RANK: Record<Outcome, number> = { allow: 0, warn: 1, hold: 2 };

/** Applies the policy to a review's warnings. */
export function decide(warnings: readonly PolicyWarning[], policy: Policy, context: PolicyContext = {}): Decision {
  let outcome: Outcome = 'allow';
  const shown: PolicyWarning[] = [];
  const held: PolicyWarning[] = [];
  for (const w of warnings) {
    const o = outcomeOf(w, policy, context);
    if (RANK[o] > RANK[outcome]) outcome = o;
    if (o !== 'allow') shown.push(w);
    if (o === 'hold') held.push(w);
  }
  const reason = held.length ? `Held for a moderator by the quality checks: ${held.map((w) => holdText(w, context)).join(' ')}` : null;
  return { outcome, shown, held, reason };
}

function holdText(w: PolicyWarning, context: PolicyContext): string {
  if (w.code === 'near_duplicate') {
    const percent = Math.floor(Number(w.similarity) * 100);
    return `It is ${percent} % similar to review ${String(w.review_id)}${context.nearDuplicateIsOwn ? ', another of your reviews' : ' by another account'}.`;
  }
  return w.message;
}

export type ReviewStatus = 'published' | 'pending' | 'hidden' | 'removed';
/** Why a review has its status: the quality policy, readers' reports, or a moderator. */
export type StatusCause = 'quality' | 'reports' | 'moderator';

/**
 * The status a policy decision gives a review that is `current` (null: being created). The policy
 * only moves reviews between published and a quality hold: it holds a published review, releases a
 * review it held itself once nothing holds it any more, and leaves every other status alone (a
 * review held by reports or set by a moderator stays as a moderator left it).
 */
export function statusAfterPolicy(
  current: { status: ReviewStatus; cause: StatusCause | null } | null,
  outcome: Outcome,
): { status: ReviewStatus; cause: StatusCause | null; changed: boolean } {
  if (current === null) return outcome === 'hold' ? { status: 'pending', cause: 'quality', changed: true } : { status: 'published', cause: null, changed: true };
  if (current.status === 'published' && outcome === 'hold') return { status: 'pending', cause: 'quality', changed: true };
  if (current.status === 'pending' && current.cause === 'quality' && outcome !== 'hold') return { status: 'published', cause: null, changed: true };
  return { status: current.status, cause: current.cause, changed: false };
}
