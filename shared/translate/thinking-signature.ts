/**
 * The `signature` of every thinking block the proxy produces.
 *
 * Claude Code echoes thinking blocks back unchanged, signature included, and needs the field
 * to be there; OpenAI-compatible upstreams have no Anthropic signature to give. So the
 * signature is the proxy's own carrier (reasoning-carrier.ts, owned by the request side):
 * `aproxy1:` + JSON of whatever the upstream needs back later, that is OpenRouter's
 * reasoning_details and Gemini's thought_signature. With nothing to carry it is the stable
 * constant PROXY_THINKING_SIGNATURE ("aproxy1:{}"): same bytes every time (replays keep
 * prompt caches warm), non-empty, and recognisable as made here. Sent to Anthropic itself it
 * fails validation, and Claude Code then strips thinking and retries, which is right.
 *
 * ReasoningCarry collects that state while a response arrives. OpenRouter streams
 * reasoning_details in fragments: entries with the same type and index are one entry whose
 * text, summary and data are concatenated and whose other fields take the latest non-null
 * value.
 */
import { encodeReasoningSignature, type CarriedReasoning } from './reasoning-carrier.ts';
import type { OpenRouterReasoningDetail } from './upstream-request-types.ts';

export const PROXY_THINKING_SIGNATURE = encodeReasoningSignature({});

export interface ReasoningCarry {
  /** Merged details not yet put in a signature, in order of first appearance. */
  details: OpenRouterReasoningDetail[];
  /** `${type}#${index}` → the merged entry in `details`. */
  byKey: Map<string, OpenRouterReasoningDetail>;
  thoughtSignature: string | null;
  /** Gemini signs the first tool call of a turn; later ones are not kept. */
  thoughtSignatureSeen: boolean;
}

export function createReasoningCarry(): ReasoningCarry {
  return { details: [], byKey: new Map(), thoughtSignature: null, thoughtSignatureSeen: false };
}

export function hasCarriedReasoning(carry: ReasoningCarry): boolean {
  return carry.details.length > 0 || carry.thoughtSignature !== null;
}

const CONCATENATED = ['text', 'summary', 'data'] as const;

/** Adds streamed fragments of reasoning_details, merging those of the same entry. */
export function addReasoningFragments(
  carry: ReasoningCarry,
  fragments: readonly OpenRouterReasoningDetail[],
): void {
  for (const fragment of fragments) {
    const index = typeof fragment.index === 'number' ? fragment.index : 0;
    const key = fragment.type + '#' + String(index);
    const entry = carry.byKey.get(key);
    if (entry === undefined) {
      const copy = { ...fragment };
      carry.byKey.set(key, copy);
      carry.details.push(copy);
      continue;
    }
    for (const [field, value] of Object.entries(fragment)) {
      if (value === null || value === undefined) continue;
      const concatenated = (CONCATENATED as readonly string[]).includes(field);
      const before = entry[field];
      entry[field] =
        concatenated && typeof before === 'string' && typeof value === 'string'
          ? before + value
          : value;
    }
  }
}

/** Adds the whole reasoning_details of a non-streamed message, as they are. */
export function addWholeReasoningDetails(
  carry: ReasoningCarry,
  details: readonly OpenRouterReasoningDetail[],
): void {
  carry.details.push(...details);
}

export function setThoughtSignature(carry: ReasoningCarry, signature: string): void {
  if (carry.thoughtSignatureSeen) return;
  carry.thoughtSignatureSeen = true;
  carry.thoughtSignature = signature;
}

/** The signature for the thinking block being closed; what it carries is taken out. */
export function takeThinkingSignature(carry: ReasoningCarry): string {
  if (!hasCarriedReasoning(carry)) return PROXY_THINKING_SIGNATURE;
  const carried: CarriedReasoning = {};
  if (carry.details.length > 0) carried.reasoning_details = carry.details;
  if (carry.thoughtSignature !== null) carried.thought_signature = carry.thoughtSignature;
  carry.details = [];
  carry.byKey = new Map();
  carry.thoughtSignature = null;
  return encodeReasoningSignature(carried);
}
