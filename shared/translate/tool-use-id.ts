/**
 * Anthropic-looking tool_use ids made from upstream tool-call ids.
 *
 * Anthropic ids are `toolu_` + [A-Za-z0-9_-]; clients (Claude Code among them) keep them and
 * send them back in tool_use and tool_result blocks of the next request. The mapping is a
 * pure function of the upstream id, so the stream and non-stream paths agree, a replayed
 * conversation gets the same ids, and a call and its result always carry the same id.
 * Ids that are already Anthropic-shaped pass through unchanged. Ids with other characters
 * keep their readable part and gain a hash of the original, so two ids that differ only in
 * a replaced character still map to different ids.
 */

const ANTHROPIC_ID_CHARS = /^[A-Za-z0-9_-]+$/;
const OTHER_CHARS = /[^A-Za-z0-9_-]/g;

export function toAnthropicToolUseId(upstreamId: string): string {
  if (ANTHROPIC_ID_CHARS.test(upstreamId)) {
    return upstreamId.startsWith('toolu_') ? upstreamId : 'toolu_' + upstreamId;
  }
  return 'toolu_' + upstreamId.replace(OTHER_CHARS, '_') + '_' + hash36(upstreamId);
}

/**
 * An id for a call the upstream sent without one (Ollama, some Gemini versions): derived from
 * the message id and the call's position, so it is deterministic for a given response.
 */
export function synthesizeToolUseId(messageId: string, ordinal: number): string {
  return 'toolu_' + hash36(messageId) + '_' + String(ordinal);
}

/** 53-bit FNV-style hash in base 36 (~11 chars): short, stable, no crypto needed. */
function hash36(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return ((h2 >>> 0) * 0x200000 + ((h1 >>> 0) & 0x1fffff)).toString(36);
}
