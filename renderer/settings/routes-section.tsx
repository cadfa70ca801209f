/**
 * Model mapping: the big and small routes that Claude's model families land on, the
 * ordered rules that can override them, and the route tester.
 */
import { useForm } from './settings-context.tsx';
import type { SettingsBridge } from './settings-form-store.ts';
import { RouteTester } from './route-tester.tsx';
import { RulesTable } from './rules-table.tsx';
import { TargetPicker } from './target-picker.tsx';

export function RoutesSection({
  bridge,
  errorPaths,
}: {
  bridge: SettingsBridge;
  errorPaths: readonly string[];
}) {
  const routes = useForm((state) => state.draft?.routes);
  const edit = useForm((state) => state.edit);
  if (!routes) return null;
  return (
    <section className="settings-section" aria-labelledby="settings-routes-title">
      <h2 id="settings-routes-title">Routes</h2>
      <div className="settings-grid">
        <TargetPicker
          label="Big (opus, sonnet and other ids)"
          path="routes.big"
          envKey="routes.big"
          value={routes.big}
          onChange={(v) => edit((d) => void (d.routes.big = v))}
        />
        <TargetPicker
          label="Small (haiku, background work)"
          path="routes.small"
          envKey="routes.small"
          value={routes.small}
          onChange={(v) => edit((d) => void (d.routes.small = v))}
        />
      </div>
      <h3>Rules</h3>
      <p className="settings-muted">
        Checked in order before the big/small routes; the first enabled rule that matches wins.
      </p>
      <RulesTable rules={routes.rules} errorPaths={errorPaths} />
      <RouteTester bridge={bridge} />
    </section>
  );
}
