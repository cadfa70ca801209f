import { describe, expect, it } from 'vitest';
import {
  upstreamErrorCode,
  upstreamErrorMessage,
} from '../../../shared/errors/upstream-error-message.ts';

describe('upstreamErrorMessage', () => {
  it.each([
    [
      'OpenAI {error:{message}}',
      { error: { message: 'Invalid model', type: 'x' } },
      'Invalid model',
    ],
    ['Ollama {error:string}', { error: 'model "x" not found' }, 'model "x" not found'],
    [
      'vLLM flat {message}',
      { object: 'error', message: 'bad tool_choice', code: 400 },
      'bad tool_choice',
    ],
    ['FastAPI {detail}', { detail: 'Not Found' }, 'Not Found'],
    [
      'pydantic detail array',
      { detail: [{ loc: ['body'], msg: 'x' }] },
      '[{"loc":["body"],"msg":"x"}]',
    ],
    [
      'OpenRouter metadata.raw',
      {
        error: {
          message: 'Provider returned error',
          metadata: { raw: 'quota', provider_name: 'Groq' },
        },
      },
      'Provider returned error (Groq: quota)',
    ],
    [
      'inner error object',
      { code: 502, message: 'Provider disconnected' },
      'Provider disconnected',
    ],
    ['unknown object', { weird: 1 }, '{"weird":1}'],
  ])('reads %s', (_name, body, expected) => {
    expect(upstreamErrorMessage(400, body)).toBe(expected);
  });

  it('parses JSON text and keeps plain text verbatim', () => {
    expect(upstreamErrorMessage(400, '{"error":{"message":"litellm.BadRequestError: x"}}')).toBe(
      'litellm.BadRequestError: x',
    );
    expect(upstreamErrorMessage(500, '  upstream exploded \n')).toBe('upstream exploded');
  });

  it('reduces an HTML page to its title', () => {
    const html =
      '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>...</body></html>';
    expect(upstreamErrorMessage(502, html)).toBe(
      'Upstream returned HTTP 502 with an HTML page: 502 Bad Gateway',
    );
  });

  it('says so when there is no body', () => {
    expect(upstreamErrorMessage(503, '')).toBe('Upstream returned HTTP 503 with no body');
    expect(upstreamErrorMessage(503, undefined)).toBe('Upstream returned HTTP 503 with no body');
  });

  it('truncates very long messages', () => {
    expect(upstreamErrorMessage(500, 'x'.repeat(5000)).length).toBe(2001);
  });
});

describe('upstreamErrorCode', () => {
  it('reads a numeric or numeric-string code from the error object', () => {
    expect(upstreamErrorCode({ error: { code: 502 } })).toBe(502);
    expect(upstreamErrorCode({ code: '429' })).toBe(429);
    expect(upstreamErrorCode({ code: 'rate_limited' })).toBeUndefined();
    expect(upstreamErrorCode('x')).toBeUndefined();
  });
});
