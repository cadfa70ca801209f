import { describe, expect, it } from 'vitest';
import { createRedactor, maskSecret } from '../../../electron/server/secret-redactor.ts';

describe('maskSecret', () => {
  it('keeps only the last four characters of long values', () => {
    expect(maskSecret('sk-abcdefghijklmnop')).toBe('…mnop');
  });
  it('hides short values entirely and leaves masked ones alone', () => {
    expect(maskSecret('short')).toBe('…');
    expect(maskSecret('…mnop')).toBe('…mnop');
  });
});

describe('createRedactor', () => {
  const redact = createRedactor(['configured-secret-value-1234', 'pw']);

  it('masks configured secrets wherever they appear', () => {
    expect(redact('error: key configured-secret-value-1234 rejected')).toBe(
      'error: key …1234 rejected',
    );
  });

  it('ignores configured values too short to mask safely', () => {
    expect(redact('pw is not touched')).toBe('pw is not touched');
  });

  it('masks sensitive header values in JSON', () => {
    const line = JSON.stringify({
      headers: {
        authorization: 'Bearer abcdefghijklmnopqrstuvwxyz',
        'x-api-key': 'zyxwvutsrqponmlk',
        host: 'h',
      },
    });
    expect(redact(line)).toBe(
      '{"headers":{"authorization":"Bearer …wxyz","x-api-key":"…nmlk","host":"h"}}',
    );
  });

  it('masks Bearer tokens and sk- keys in free text', () => {
    expect(redact('sent Bearer tok_0123456789abcdef to upstream')).toBe(
      'sent Bearer …cdef to upstream',
    );
    expect(redact('Incorrect API key provided: sk-proj-ABCDEFGHIJKLMNOP')).toBe(
      'Incorrect API key provided: …MNOP',
    );
  });

  it('leaves ordinary text unchanged', () => {
    const text = '{"msg":"POST /v1/messages 200","model":"claude-sonnet-4-6 → gpt-4.1"}';
    expect(redact(text)).toBe(text);
  });
});
