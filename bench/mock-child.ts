/**
 * The mock OpenAI upstream (tests/support/mock-openai-upstream.ts) in its own process for the
 * benchmark; run-bench.ts tells it which regime to answer in (see bench-ipc.ts for why it is
 * a separate process). It keeps no record of the requests: the bench sends thousands.
 */
import { startMockUpstream } from '../tests/support/mock-openai-upstream.ts';
import type { ChildReply, MockRequest } from './bench-ipc.ts';
import { mockBehaviourFor } from './bench-scenarios.ts';

const upstream = await startMockUpstream();

function reply(message: ChildReply): void {
  process.send?.(message);
}

process.on('message', (message: MockRequest) => {
  switch (message.type) {
    case 'regime': {
      const behaviour = mockBehaviourFor(message.regime);
      upstream.setHandler((ctx) => {
        upstream.requests.length = 0;
        return behaviour(ctx);
      });
      reply({ type: 'regime-set' });
      return;
    }
    case 'stop':
      void upstream.close().then(() => process.exit(0));
      return;
  }
});

process.on('disconnect', () => process.exit(1));

reply({ type: 'ready', url: upstream.url });
