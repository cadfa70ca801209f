/**
 * Estimates the input tokens of an Anthropic request locally (count_tokens, the inspector's
 * "what is eating my context", the estimate recorded before each upstream call), following
 * protocol-checklist §5: text with o200k_base, about 3 tokens of framing per message and 10
 * per tool, images ≈ width·height/750 capped at 1,600 (Anthropic's rule). The result is an
 * estimate, ±10–20% on non-OpenAI models; per-message and per-tool figures let the inspector
 * show where the context goes.
 */
import type { MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages';
import { imageSizeFromBase64 } from './image-dimensions.ts';
import { countTextTokens } from './text-tokens.ts';

export { warmUpTextTokens as warmUpTokenCounter } from './text-tokens.ts';

export interface RequestTokenCount {
  total: number;
  system: number;
  tools: number;
  messages: number;
  /** One entry per request message, in order. */
  perMessage: number[];
  perTool: { name: string; tokens: number }[];
}

const PER_MESSAGE = 3;
const PER_TOOL = 10;
const IMAGE_PIXELS_PER_TOKEN = 750;
const MAX_IMAGE_TOKENS = 1600;
const MIN_IMAGE_TOKENS = 85;
/** Rough PDF estimate: Anthropic documents 1,500–3,000 tokens a page; pages ≈ 50 KB. */
const PDF_TOKENS_PER_PAGE = 2000;
const PDF_BYTES_PER_PAGE = 50_000;

type Block = { type: string; [field: string]: unknown };

function isBlock(value: unknown): value is Block {
  return typeof value === 'object' && value !== null && typeof (value as Block).type === 'string';
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function base64Bytes(data: string): number {
  return Math.floor((data.length * 3) / 4);
}

export function imageTokens(source: unknown): number {
  const { type, data } = (source ?? {}) as { type?: unknown; data?: unknown };
  if (type !== 'base64' || typeof data !== 'string') return MAX_IMAGE_TOKENS;
  const size = imageSizeFromBase64(data);
  // Unknown dimensions: compressed images hold roughly a byte per pixel.
  const pixels = size ? size.width * size.height : base64Bytes(data);
  return Math.max(
    MIN_IMAGE_TOKENS,
    Math.min(MAX_IMAGE_TOKENS, Math.ceil(pixels / IMAGE_PIXELS_PER_TOKEN)),
  );
}

function documentTokens(source: unknown): number {
  const { type, data, content } = (source ?? {}) as {
    type?: unknown;
    data?: unknown;
    content?: unknown;
  };
  if (type === 'text') return countTextTokens(str(data));
  if (type === 'content') return contentTokens(content);
  const pages =
    typeof data === 'string' ? Math.max(1, Math.round(base64Bytes(data) / PDF_BYTES_PER_PAGE)) : 1;
  return pages * PDF_TOKENS_PER_PAGE;
}

function blockTokens(block: Block): number {
  switch (block.type) {
    case 'text':
      return countTextTokens(str(block.text));
    case 'thinking':
      return countTextTokens(str(block.thinking));
    case 'redacted_thinking':
      return 0;
    case 'tool_use':
      return countTextTokens(str(block.name)) + countTextTokens(JSON.stringify(block.input ?? {}));
    case 'tool_result':
      return contentTokens(block.content);
    case 'image':
      return imageTokens(block.source);
    case 'document':
      return documentTokens(block.source);
    case 'search_result':
      return (
        countTextTokens(str(block.title)) +
        countTextTokens(str(block.source)) +
        contentTokens(block.content)
      );
    case 'tool_reference':
      return countTextTokens(str(block.tool_name));
    default:
      return countTextTokens(JSON.stringify(block));
  }
}

function contentTokens(content: unknown): number {
  if (typeof content === 'string') return countTextTokens(content);
  if (!Array.isArray(content)) return 0;
  let tokens = 0;
  for (const block of content) if (isBlock(block)) tokens += blockTokens(block);
  return tokens;
}

function toolTokens(tool: object): number {
  const { name, description, input_schema: schema } = tool as Record<string, unknown>;
  const schemaTokens = schema === undefined ? 0 : countTextTokens(JSON.stringify(schema));
  return PER_TOOL + countTextTokens(str(name)) + countTextTokens(str(description)) + schemaTokens;
}

export function countRequestTokens(
  request: Pick<MessageCreateParamsBase, 'system' | 'messages' | 'tools'>,
): RequestTokenCount {
  const system = contentTokens(request.system);
  const perTool = (request.tools ?? []).map((tool) => ({
    name: str((tool as { name?: unknown }).name) || str((tool as { type?: unknown }).type),
    tokens: toolTokens(tool),
  }));
  const perMessage = request.messages.map(
    (message) => PER_MESSAGE + contentTokens(message.content),
  );
  const tools = perTool.reduce((sum, tool) => sum + tool.tokens, 0);
  const messages = perMessage.reduce((sum, tokens) => sum + tokens, 0);
  return { total: system + tools + messages, system, tools, messages, perMessage, perTool };
}
