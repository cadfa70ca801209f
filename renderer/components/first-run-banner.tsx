/**
 * Shown while no upstream is configured: the proxy runs and answers every call with a clear
 * error, and this says what to set to make it work.
 */
import { useInspector } from '../store/store-context.ts';

export function FirstRunBanner() {
  const status = useInspector((s) => s.status);
  if (!status || status.upstreamConfigured || status.demo) return null;
  return (
    <div className="banner banner-warning" role="status">
      <strong>No upstream configured.</strong> The proxy is running, but answers every call with an
      error until it knows where to send them. Set <code>BASE_URL</code> (an OpenAI-compatible
      endpoint, e.g. <code>https://openrouter.ai/api/v1</code>) and <code>OPENAI_API_KEY</code>,
      optionally <code>BIG_MODEL_NAME</code> and <code>SMALL_MODEL_NAME</code>, in the environment
      or a <code>.env</code> file, then restart. To just look around, start it with{' '}
      <code>npm run headless -- --demo</code>.
    </div>
  );
}
