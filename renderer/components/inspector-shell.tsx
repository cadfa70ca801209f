/**
 * The page layout: top bar, first-run banner, toolbar, the main area (traffic list or
 * sessions, with the detail pane beside it when an exchange is selected) and the summary bar.
 * The Settings view replaces toolbar and main area.
 */
import type { Bridge } from '../../shared/bridge.ts';
import { SettingsView } from '../settings/settings-view.tsx';
import { useInspector } from '../store/store-context.ts';
import { DetailPane } from './detail/detail-pane.tsx';
import { FirstRunBanner } from './first-run-banner.tsx';
import { ExchangeList } from './list/exchange-list.tsx';
import { SessionsView } from './sessions/sessions-view.tsx';
import { SummaryBar } from './summary-bar.tsx';
import { Toolbar } from './toolbar.tsx';
import { TopBar } from './top-bar.tsx';
import '../styles/layout.css';

export function InspectorShell({ bridge }: { bridge: Bridge }) {
  const view = useInspector((s) => s.view);
  const hasSelection = useInspector((s) => s.selectedId !== undefined);
  if (view === 'settings') {
    return (
      <div className="app">
        <TopBar />
        <main className="main">
          <SettingsView bridge={bridge} />
        </main>
        <SummaryBar />
      </div>
    );
  }
  return (
    <div className="app">
      <TopBar />
      <FirstRunBanner />
      <Toolbar />
      <main className={`main ${hasSelection ? 'with-detail' : ''}`}>
        <section className="main-list" aria-label={view === 'traffic' ? 'Exchanges' : 'Sessions'}>
          {view === 'traffic' ? <ExchangeList /> : <SessionsView />}
        </section>
        {hasSelection && <DetailPane />}
      </main>
      <SummaryBar />
    </div>
  );
}
