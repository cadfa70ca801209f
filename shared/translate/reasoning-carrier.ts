/**
 * Carries upstream reasoning state through Claude Code inside a thinking block's
 * `signature`. Claude Code echoes thinking blocks unchanged, signature included, in every
 * later request (protocol-checklist §1), and some upstreams need their own opaque data back:
 * OpenRouter its `reasoning_details`, Gemini 3 its `thought_signature`. The response side
 * encodes with `encodeReasoningSignature`; the request side decodes. A signature without the
 * prefix (a real Anthropic one, or empty) decodes to undefined and the request side falls
 * back to what the block's text allows.
 */
import type { OpenRouterReasoningDetail } from './upstream-request-types.ts';

export const REASONING_SIGNATURE_PREFIX = 'aproxy1:';

export interface CarriedReasoning {
  /** OpenRouter's reasoning_details for this assistant turn, verbatim. */
  reasoning_details?: OpenRouterReasoningDetail[];
  /** Gemini's thought_signature of the turn's first tool call. */
  thought_signature?: string;
}

export function encodeReasoningSignature(carried: CarriedReasoning): string {
  return REASONING_SIGNATURE_PREFIX + JSON.stringify(carried);
}

export function decodeReasoningSignature(
  signature: string | null | undefined,
): CarriedReasoning | undefined {
  if (!signature?.startsWith(REASONING_SIGNATURE_PREFIX)) return undefined;
  try {
    const value: unknown = JSON.parse(signature.slice(REASONING_SIGNATURE_PREFIX.length));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const record = value as Record<string, unknown>;
    const carried: CarriedReasoning = {};
    if (Array.isArray(record.reasoning_details)) {
      carried.reasoning_details = record.reasoning_details.filter(
        (detail): detail is OpenRouterReasoningDetail =>
          typeof detail === 'object' &&
          detail !== null &&
          typeof (detail as { type?: unknown }).type === 'string',
      );
    }
    if (typeof record.thought_signature === 'string')
      carried.thought_signature = record.thought_signature;
    return carried;
  } catch {
    return undefined;
  }
}
