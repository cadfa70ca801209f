/**
 * POST /inspector/api/demo (behind the inspector's token and guard): turns demo mode on,
 * which also sends the sample calls, and answers the ProxyStatus, now with `demo: true`.
 * Calling it again changes nothing and answers the same. The HTTP end of the bridge's
 * `startDemo`; the IPC end calls the same function.
 */
import type { Router } from 'express';
import type { ProxyStatus } from '../../../shared/bridge.ts';

export function registerDemoApi(api: Router, startDemo: () => Promise<ProxyStatus>): void {
  api.post('/demo', async (_req, res) => {
    res.json(await startDemo());
  });
}
