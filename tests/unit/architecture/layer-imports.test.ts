/**
 * The layers of docs/architecture.md, checked by reading imports: shared/ is pure, the
 * server never pulls in Electron, and nothing imports the renderer. ESLint enforces the
 * same rules while editing; this test keeps them true on a clean clone.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|tsx)$/.test(name)) out.push(full);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(
      /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? '');
}

function violations(dir: string, forbidden: RegExp): string[] {
  return sourceFiles(join(root, dir)).flatMap((file) =>
    importsOf(file)
      .filter((spec) => forbidden.test(spec))
      .map((spec) => `${relative(root, file)} imports ${spec}`),
  );
}

describe('layer boundaries', () => {
  it('shared/ imports no Node built-ins, Electron, React or app code', () => {
    expect(
      violations('shared', /^(node:|electron$|react|react-dom)|\/(electron|renderer)\//),
    ).toEqual([]);
  });

  it('electron/server/ never imports Electron or the renderer', () => {
    expect(violations('electron/server', /^electron$|\/renderer\//)).toEqual([]);
  });

  it('renderer/ imports only shared/ of the project', () => {
    expect(violations('renderer', /^node:|^electron$|\/electron\//)).toEqual([]);
  });

  it('finds the imports it checks (the scan is not vacuous)', () => {
    const file = join(root, 'electron', 'server', 'exchange-tap.ts');
    expect(importsOf(file)).toContain('../../shared/translate/translation-note.ts');
  });
});
