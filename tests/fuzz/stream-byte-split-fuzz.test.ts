/**
 * Fuzz of the whole stream path at the byte level. A random upstream stream (sensible or
 * not, see openai-stream-arbitrary.ts) is framed as SSE the way some server would frame it,
 * cut at random bytes into network reads, and pumped through the server's own reader,
 * translator and SSE writer (stream-pipeline-harness.ts). Whatever the framing and the
 * cuts, the proxy must write exactly what it writes for the plainly framed body read in one
 * piece; that output must be a valid Anthropic event sequence (event-order-checker.ts); and
 * the official SDK's MessageStream, reading it cut at random bytes again, must end with the
 * same final message (or the same error, exactly when the stream ends with an `error`
 * event) as when it reads it whole. The coherent-answer properties (final message equals the
 * non-stream translation) are tests/unit/translate/stream-split-invariance.test.ts, which
 * `npm run fuzz` runs at the same count.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEventOrder } from '../support/stream-fixtures/event-order-checker.ts';
import { fuzzParameters, fuzzTimeout } from './fuzz-runs.ts';
import {
  cutsArb,
  splitBytes,
  sseFramingArb,
  toUpstreamSse,
  upstreamItemsArb,
  type SseFraming,
} from './openai-stream-arbitrary.ts';
import { eventsOf, FUZZ_MESSAGE_ID, pumpReads, sdkOutcome } from './stream-pipeline-harness.ts';

const PLAIN_FRAMING: SseFraming = {
  lineEnd: '\n',
  space: true,
  multiLine: false,
  comments: [],
  ids: false,
  done: true,
  unterminated: false,
};

const encoder = new TextEncoder();

describe('stream path fuzz: random upstream streams cut at random bytes', () => {
  it(
    'writes the same valid event sequence whatever the framing and the upstream read boundaries, and the SDK reads it the same whatever its own',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          upstreamItemsArb,
          sseFramingArb,
          cutsArb(12),
          cutsArb(12),
          async (items, framing, upstreamCuts, clientCuts) => {
            const reference = await pumpReads([
              encoder.encode(toUpstreamSse(items, PLAIN_FRAMING)),
            ]);
            const bytes = encoder.encode(toUpstreamSse(items, framing));
            const pumped = await pumpReads(splitBytes(bytes, upstreamCuts));
            expect(pumped.text).toBe(reference.text);
            expect(pumped.ended).toBe(true);

            const events = eventsOf(pumped.text);
            expect(checkEventOrder(events)).toEqual([]);
            const failed = events.at(-1)?.type === 'error';

            const clientBytes = encoder.encode(pumped.text);
            const whole = await sdkOutcome([clientBytes]);
            const split = await sdkOutcome(splitBytes(clientBytes, clientCuts));
            expect(split).toEqual(whole);
            expect('error' in whole).toBe(failed);
            if ('message' in whole)
              expect(whole.message).toMatchObject({ id: FUZZ_MESSAGE_ID, type: 'message' });
          },
        ),
        fuzzParameters(),
      );
    },
    fuzzTimeout(10),
  );
});
