/**
 * Anthropic tool_use ids → ids an OpenAI-compatible upstream accepts. OpenAI allows at most
 * 40 chars, Mistral (on vLLM or its own API) exactly 9 alphanumerics; Claude Code's ids
 * (`toolu_…`, or whatever an earlier upstream produced) can be longer or contain other
 * characters. The mapping is a pure function of the original id, so a tool_use and its
 * tool_result, translated separately and again in every later request, always agree.
 */
import { sha256Hex } from './sha256.ts';

const SAFE_ID = /^[a-zA-Z0-9_-]+$/;
/** Below this the id has no room for a readable prefix: use the hash alone (Mistral's 9). */
const MIN_PREFIXED_LENGTH = 16;
const HASH_SUFFIX_LENGTH = 8;

export function upstreamToolCallId(id: string, maxLength: number): string {
  if (maxLength < MIN_PREFIXED_LENGTH) {
    // Mistral wants exactly this many [a-zA-Z0-9]; hex digits are a subset.
    return sha256Hex(id).slice(0, maxLength);
  }
  if (id.length > 0 && id.length <= maxLength && SAFE_ID.test(id)) return id;
  // The hash of the whole original keeps ids that share a prefix, or differ only in the
  // characters the sanitising replaced, apart.
  const prefix = id.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, maxLength - HASH_SUFFIX_LENGTH - 1);
  return `${prefix}_${sha256Hex(id).slice(0, HASH_SUFFIX_LENGTH)}`;
}
