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
    <>
      <section className="settings-section" aria-labelledby="settings-routes-title">
        <header className="settings-section-header">
          <div>
            <h2 id="settings-routes-title">Routes</h2>
            <p className="settings-section-intro">
              Where Claude&apos;s model families land when no rule below matches.
            </p>
          </div>
        </header>
        <div className="settings-grid settings-grid--routes">
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
      </section>
      <section className="settings-section" aria-labelledby="settings-rules-title">
        <header className="settings-section-header">
          <div>
            <h2 id="settings-rules-title">Rules</h2>
            <p className="settings-section-intro">
              Checked in order before the big/small routes; the first enabled rule that matches
              wins.
            </p>
          </div>
        </header>
        <RulesTable rules={routes.rules} errorPaths={errorPaths} />
        <RouteTester bridge={bridge} />
      </section>
    </>
  );
}
