/**
 * Reads a V8 `.cpuprofile` (what `node --cpu-prof` writes) and lists where the time went:
 * self time per function (file:line function) and per file, busiest first, with idle time
 * left out so the percentages are of the time the process was working. Paths are shown
 * relative to the project, node internals and node_modules as they are.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotSpot {
  name: string;
  selfMs: number;
  percent: number;
}

export interface ProfileSummary {
  busyMs: number;
  functions: HotSpot[];
  files: HotSpot[];
}

function shortPath(url: string, root: string): string {
  if (!url) return '(native)';
  if (!url.startsWith('file://')) return url;
  const path = relative(root, fileURLToPath(url));
  const inModules = path.lastIndexOf('node_modules/');
  return inModules >= 0 ? path.slice(inModules) : path;
}

export function summarizeCpuProfile(file: string, root: string, top = 20): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );

  const functions = new Map<string, number>();
  const files = new Map<string, number>();
  let busy = 0;
  for (const [id, micros] of selfMicros) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') continue;
    busy += micros;
    const path = shortPath(frame.url, root);
    const fn = `${path}:${frame.lineNumber + 1} ${frame.functionName || '(anonymous)'}`;
    functions.set(fn, (functions.get(fn) ?? 0) + micros);
    files.set(path, (files.get(path) ?? 0) + micros);
  }
  const rank = (map: Map<string, number>): HotSpot[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({ name, selfMs: micros / 1000, percent: (100 * micros) / busy }));
  return { busyMs: busy / 1000, functions: rank(functions), files: rank(files) };
}

export function formatProfileSummary(summary: ProfileSummary): string {
  const table = (title: string, rows: HotSpot[]): string =>
    [
      `| ${title} | self ms | % of busy |`,
      '|---|---:|---:|',
      ...rows.map(
        (row) => `| \`${row.name}\` | ${row.selfMs.toFixed(1)} | ${row.percent.toFixed(1)} |`,
      ),
    ].join('\n');
  return [
    `Proxy process busy (non-idle) time in the profile: ${summary.busyMs.toFixed(0)} ms`,
    '',
    table('function (self time)', summary.functions),
    '',
    table('file (self time)', summary.files),
  ].join('\n');
}
