/**
 * Builds the one OpenAI system message: Anthropic's `system` (a string or text blocks) and,
 * after it, every `role: "system"` message found inside `messages` (Claude Code ≥ 2.1.154
 * sends these; many upstreams reject a system message in the middle of a chat). Parts are
 * joined with a blank line. Claude Code's first block is its attribution header; it is kept
 * verbatim because it is stable within a conversation and so does not break prefix caching.
 */
import type { MessageParam, TextBlockParam } from '@anthropic-ai/sdk/resources/messages';
import { checkCacheControl, type RequestNotes } from './request-notes.ts';

function textOfBlocks(
  blocks: readonly TextBlockParam[],
  path: string,
  notes: RequestNotes,
): string[] {
  const texts: string[] = [];
  blocks.forEach((block, index) => {
    const blockPath = `${path}[${index}]`;
    checkCacheControl(notes, block, blockPath);
    if (block.type === 'text') {
      if (block.text) texts.push(block.text);
    } else {
      const type = (block as { type: unknown }).type;
      notes.add('dropped', blockPath, `${String(type)} block in a system prompt dropped`);
    }
  });
  return texts;
}

export function buildSystemPrompt(
  system: string | readonly TextBlockParam[] | null | undefined,
  messages: readonly MessageParam[],
  notes: RequestNotes,
): string | undefined {
  const parts: string[] = [];
  if (typeof system === 'string') {
    if (system) parts.push(system);
  } else if (system) {
    parts.push(...textOfBlocks(system, 'system', notes));
  }
  messages.forEach((message, index) => {
    if (message.role !== 'system') return;
    const path = `messages[${index}]`;
    notes.add(
      'changed',
      path,
      'role "system" message merged into the system prompt',
      'system-merge',
    );
    if (typeof message.content === 'string') {
      if (message.content) parts.push(message.content);
    } else {
      parts.push(...textOfBlocks(message.content, `${path}.content`, notes));
    }
  });
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}
