/**
 * Anthropic content blocks of a user turn (text, image, document, search result, tool
 * reference) → OpenAI content parts. Tool results and assistant blocks are handled by the
 * message translator; this module knows the media rules: base64 or URL images become
 * `image_url` parts, PDFs become `file` parts where the upstream takes them, and anything an
 * upstream cannot take becomes a short text placeholder so the model still knows something
 * was there. Unknown block types are dropped with a note, never thrown on.
 */
import type {
  ContentBlockParam,
  DocumentBlockParam,
  ImageBlockParam,
  SearchResultBlockParam,
  ToolResultBlockParam,
} from '@anthropic-ai/sdk/resources/messages';
import type {
  ChatCompletionContentPart,
  ChatCompletionContentPartText,
} from 'openai/resources/chat/completions';
import type { ProviderQuirks } from '../providers/provider-quirks.ts';
import { checkCacheControl, type RequestNotes } from './request-notes.ts';

/** What a user turn or a tool result's content may hold. */
export type UserBlock =
  ContentBlockParam | Exclude<ToolResultBlockParam['content'], string | undefined>[number];

export interface PartContext {
  quirks: ProviderQuirks;
  notes: RequestNotes;
}

export function textPart(text: string): ChatCompletionContentPartText {
  return { type: 'text', text };
}

export function imagePart(
  block: ImageBlockParam,
  path: string,
  ctx: PartContext,
): ChatCompletionContentPart {
  if (!ctx.quirks.supportsImages) {
    ctx.notes.add(
      'changed',
      path,
      'image replaced by a placeholder: the model takes no images',
      'image-placeholder',
    );
    return textPart('[image omitted: this model does not accept images]');
  }
  const source = block.source;
  switch (source.type) {
    case 'base64':
      return {
        type: 'image_url',
        image_url: { url: `data:${source.media_type};base64,${source.data}` },
      };
    case 'url':
      return { type: 'image_url', image_url: { url: source.url } };
    case 'file':
      ctx.notes.add('changed', path, 'image given by Anthropic file id replaced by a placeholder');
      return textPart(`[image omitted: Anthropic file ${source.file_id} is not available here]`);
    default: {
      const type = (source as { type: unknown }).type;
      ctx.notes.add('changed', path, `image source ${String(type)} replaced by a placeholder`);
      return textPart('[image omitted]');
    }
  }
}

function documentParts(
  block: DocumentBlockParam,
  path: string,
  ctx: PartContext,
): ChatCompletionContentPart[] {
  const title = block.title ?? undefined;
  const heading = title ? `${title}\n\n` : '';
  const source = block.source;
  switch (source.type) {
    case 'text':
      return [textPart(heading + source.data)];
    case 'content':
      if (typeof source.content === 'string') return [textPart(heading + source.content)];
      return [
        ...(title ? [textPart(title)] : []),
        ...source.content.flatMap((inner, index) =>
          userBlockParts(inner, `${path}.source.content[${index}]`, ctx),
        ),
      ];
    case 'base64':
      if (ctx.quirks.supportsFileParts) {
        return [
          {
            type: 'file',
            file: {
              filename: title ?? 'document.pdf',
              file_data: `data:${source.media_type};base64,${source.data}`,
            },
          },
        ];
      }
      ctx.notes.add(
        'changed',
        path,
        'PDF replaced by a placeholder: the upstream takes no files',
        'pdf-placeholder',
      );
      return [
        textPart(
          `[PDF document${title ? ` "${title}"` : ''} omitted: this model does not accept files]`,
        ),
      ];
    case 'url':
      ctx.notes.add('changed', path, 'PDF given by URL sent as a link in text');
      return [textPart(`[PDF document${title ? ` "${title}"` : ''}: ${source.url}]`)];
    case 'file':
      ctx.notes.add(
        'changed',
        path,
        'document given by Anthropic file id replaced by a placeholder',
      );
      return [
        textPart(`[document omitted: Anthropic file ${source.file_id} is not available here]`),
      ];
    default: {
      const type = (source as { type: unknown }).type;
      ctx.notes.add('changed', path, `document source ${String(type)} replaced by a placeholder`);
      return [textPart('[document omitted]')];
    }
  }
}

function searchResultText(block: SearchResultBlockParam): string {
  const body = block.content.map((inner) => inner.text).join('\n\n');
  return `${block.title} (${block.source})\n${body}`;
}

/**
 * Parts for one block of a user turn (or of a tool result's content). Returns [] for blocks
 * that carry nothing the upstream can use; those are noted.
 */
export function userBlockParts(
  block: UserBlock,
  path: string,
  ctx: PartContext,
): ChatCompletionContentPart[] {
  checkCacheControl(ctx.notes, block, path);
  switch (block.type) {
    case 'text':
      return block.text ? [textPart(block.text)] : [];
    case 'image':
      return [imagePart(block, path, ctx)];
    case 'document':
      return documentParts(block, path, ctx);
    case 'search_result':
      return [textPart(searchResultText(block))];
    case 'tool_reference':
      // ToolSearch's answer: Anthropic loads the named deferred tool. Every tool is already
      // sent upstream (defer_loading is dropped), so a line of text suffices.
      return [textPart(`Tool loaded: ${block.tool_name}`)];
    case 'thinking':
    case 'redacted_thinking':
      ctx.notes.add('dropped', path, `${block.type} block in a user message dropped`);
      return [];
    default: {
      const type = (block as { type: unknown }).type;
      ctx.notes.add(
        'dropped',
        path,
        `${String(type)} block dropped (no OpenAI equivalent)`,
        `block:${String(type)}`,
      );
      return [];
    }
  }
}

/** A plain string when every part is text (the form every upstream accepts), else parts. */
export function toUserContent(
  parts: readonly ChatCompletionContentPart[],
): string | ChatCompletionContentPart[] {
  if (parts.every((part) => part.type === 'text'))
    return parts.map((part) => part.text).join('\n\n');
  return [...parts];
}
