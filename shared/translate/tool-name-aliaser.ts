/**
 * Gives each Anthropic tool name the name the upstream will see. Anthropic allows 128 chars
 * and MCP tools (`mcp__server__tool`) often pass 64, which OpenAI rejects; Gemini also wants
 * the first character to be a letter or `_`. Names that break these rules get a sanitised
 * prefix plus a short hash of the original (deterministic, so the same tool gets the same
 * alias in every request), and the alias → original pair is recorded for the response side
 * (see tool-name-alias.ts). Valid names pass unchanged and are not recorded.
 */
import { sha256Hex } from './sha256.ts';
import type { ToolNameMap } from './tool-name-alias.ts';

const MAX_NAME_LENGTH = 64;
const HASH_LENGTH = 8;
/** OpenAI's `^[a-zA-Z0-9_-]{1,64}$`, plus Gemini's leading letter or underscore. */
const VALID_NAME = /^[a-zA-Z_][a-zA-Z0-9_-]{0,63}$/;

export interface ToolNameAliaser {
  /** The upstream name for `original`; records the pair when they differ. */
  upstreamName(original: string): string;
  /** Upstream → original, for the names that were changed. */
  readonly names: ToolNameMap;
}

export function aliasToolName(original: string): string {
  if (VALID_NAME.test(original)) return original;
  let prefix = original.replace(/[^a-zA-Z0-9_-]/g, '_');
  if (!/^[a-zA-Z_]/.test(prefix)) prefix = `_${prefix}`;
  prefix = prefix.slice(0, MAX_NAME_LENGTH - HASH_LENGTH - 1);
  return `${prefix}_${sha256Hex(original).slice(0, HASH_LENGTH)}`;
}

export function createToolNameAliaser(): ToolNameAliaser {
  const names = new Map<string, string>();
  return {
    upstreamName(original) {
      const alias = aliasToolName(original);
      if (alias !== original) names.set(alias, original);
      return alias;
    },
    names,
  };
}
