/**
 * OpenAI `finish_reason` → Anthropic `stop_reason` (protocol checklist, section 2), shared by
 * the streaming and the non-streaming translator so both paths end a turn the same way.
 *
 * `finish_reason` is typed as the five OpenAI values but compatible servers send others
 * ("eos", "error", "end_turn", …): those take the `default` branch and end the turn.
 */
import type { StopReason } from '@anthropic-ai/sdk/resources/messages';

export interface StopReasonInput {
  /** The upstream finish_reason; null or undefined when none was reported. */
  finishReason: string | null | undefined;
  /** The stop string vLLM says it matched (`choices[].stop_reason`), else null. */
  matchedStopSequence: string | null;
  /** Whether the answer contains at least one tool_use block. */
  toolUseEmitted: boolean;
}

export interface StopReasonResult {
  stopReason: StopReason;
  stopSequence: string | null;
}

export function mapStopReason(input: StopReasonInput): StopReasonResult {
  const { finishReason, matchedStopSequence, toolUseEmitted } = input;
  switch (finishReason) {
    case 'length':
      // Deliberately wins over tool_use: a call cut off by the token limit has truncated
      // arguments, and Claude Code must not run (say) a Write with half a file. With
      // max_tokens it reports the truncation and can retry with a higher limit instead.
      return { stopReason: 'max_tokens', stopSequence: null };
    case 'content_filter':
      return { stopReason: 'refusal', stopSequence: null };
    case 'tool_calls':
    case 'function_call':
      return { stopReason: 'tool_use', stopSequence: null };
    case 'stop':
      if (toolUseEmitted) return { stopReason: 'tool_use', stopSequence: null };
      return matchedStopSequence === null
        ? { stopReason: 'end_turn', stopSequence: null }
        : { stopReason: 'stop_sequence', stopSequence: matchedStopSequence };
    default:
      // Claude Code runs tools only when stop_reason is tool_use, and some servers (Ollama,
      // Gemini) say "stop" or something of their own after emitting calls.
      return { stopReason: toolUseEmitted ? 'tool_use' : 'end_turn', stopSequence: null };
  }
}
