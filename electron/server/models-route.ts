/**
 * GET /v1/models in Anthropic's list shape. Claude Code's gateway model discovery
 * (CLAUDE_CODE_ENABLE_GATEWAY_MODEL_DISCOVERY=1) parses only this shape and keeps only ids
 * containing "claude", so the list offers one family alias per configured tier; picking one
 * in `/model` sends that id, which the router maps like any other Claude id. The display
 * name says where a plain call (no tools, no thinking) goes under the current routes.
 */
import type { Request, Response } from 'express';
import type { ModelInfo, ModelLine } from '@anthropic-ai/sdk/resources/models';
import { requestFactsOf, resolveRoute } from '../../shared/routing/route-rules.ts';
import type { Settings } from '../../shared/settings/settings-schema.ts';
import { sendAnthropicError } from './error-response.ts';

const FAMILY_ALIASES: readonly { id: string; name: string; line: ModelLine }[] = [
  { id: 'claude-opus', name: 'Claude Opus', line: 'opus' },
  { id: 'claude-sonnet', name: 'Claude Sonnet', line: 'sonnet' },
  { id: 'claude-haiku', name: 'Claude Haiku', line: 'haiku' },
];

/** The API's documented value for an unknown release date. */
const UNKNOWN_CREATED_AT = '1970-01-01T00:00:00Z';

export function listModels(settings: Settings): ModelInfo[] {
  return FAMILY_ALIASES.flatMap((alias) => {
    const route = resolveRoute(settings, requestFactsOf({ model: alias.id, messages: [] }, 0));
    if (route.rule === 'pass-through') return [];
    const model: ModelInfo = {
      type: 'model',
      id: alias.id,
      display_name: `${alias.name} → ${route.model}`,
      created_at: UNKNOWN_CREATED_AT,
      line: alias.line,
      lifecycle: 'active',
      capabilities: null,
      deprecated_at: null,
      retires_at: null,
      max_input_tokens: null,
      max_tokens: null,
    };
    return [model];
  });
}

export function createModelsRoutes(settingsOf: () => Settings) {
  return {
    list(_req: Request, res: Response): void {
      const data = listModels(settingsOf());
      res.json({
        data,
        has_more: false,
        first_id: data[0]?.id ?? null,
        last_id: data.at(-1)?.id ?? null,
      });
    },
    one(req: Request, res: Response): void {
      const model = listModels(settingsOf()).find((candidate) => candidate.id === req.params.id);
      if (model) {
        res.json(model);
        return;
      }
      sendAnthropicError(res, {
        status: 404,
        type: 'not_found_error',
        message: `model: ${String(req.params.id)}`,
      });
    },
  };
}
