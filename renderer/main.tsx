/**
 * Entry point: show a readable message if start-up fails, else mount the inspector on the
 * bridge the environment provides.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { chooseBridge } from './bridge/choose-bridge.ts';
import './styles/theme.css';

const root = document.getElementById('root')!;
try {
  createRoot(root).render(
    <StrictMode>
      <App bridge={chooseBridge()} />
    </StrictMode>,
  );
} catch (error) {
  root.textContent = `The inspector failed to start: ${error instanceof Error ? error.message : String(error)}`;
}
