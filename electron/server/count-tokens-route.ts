/**
 * POST /v1/messages/count_tokens, answered locally with the js-tiktoken estimate
 * (`{"input_tokens":N}`). Claude Code's /context uses it; without it, it falls back to a
 * cruder character count. Not recorded in the inspector: it never reaches the upstream.
 */
import type { Request, Response } from 'express';
import { countRequestTokens } from '../../shared/tokens/token-counter.ts';
import { parseCountTokensRequest } from '../../shared/validation/anthropic-request-schema.ts';
import { sendAnthropicError } from './error-response.ts';

export function countTokens(req: Request, res: Response): void {
  const parsed = parseCountTokensRequest(req.body);
  if (!parsed.ok) {
    sendAnthropicError(res, {
      status: 400,
      type: 'invalid_request_error',
      message: parsed.message,
    });
    return;
  }
  res.json({ input_tokens: countRequestTokens(parsed.value).total });
}
