/**
 * Calibration aid for size-estimate.ts, run by hand (not by vitest):
 *
 *   node --expose-gc tests/unit/recorder/measure-recorder-heap.ts [exchanges per shape]
 *
 * For each exchange shape of recorder-heap-shapes.ts it records a few hundred exchanges into a
 * recorder without limits and prints the heap they retain per exchange (heapUsed after full
 * GCs, with the records and once they are cleared) next to the recorder's own estimate, and what sizing one exchange
 * costs. The estimate should stay within about ±15% of the heap for every shape.
 */
import { createTrafficRecorder } from '../../../electron/server/recorder/traffic-recorder.ts';
import { HEAP_SHAPES, recordShape, type HeapShape } from './recorder-heap-shapes.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const fullGc = gc;

function settledHeap(): number {
  for (let i = 0; i < 3; i++) fullGc();
  return process.memoryUsage().heapUsed;
}

function measure(shape: HeapShape, count: number) {
  const recorder = createTrafficRecorder({
    maxExchanges: Number.MAX_SAFE_INTEGER,
    maxBytes: Number.MAX_SAFE_INTEGER,
  });
  let sizingMs = 0;
  for (let i = 0; i < count; i++) {
    recordShape(recorder, `x${i}`, shape);
    const t = performance.now();
    recorder.flush(); // sizes the completed exchange (no subscribers, so nothing else)
    sizingMs += performance.now() - t;
  }
  const estimate = recorder.stats().approxBytes / count;
  // Measured by letting the records go, so code the JIT compiled meanwhile is not counted.
  const full = settledHeap();
  recorder.clear();
  const heap = (full - settledHeap()) / count;
  recorder.dispose();
  return { shape, heap, estimate, ratio: estimate / heap, sizingMs: sizingMs / count };
}

const count = Number(process.argv[2] ?? 300);
const rows = HEAP_SHAPES.map((shape) => measure(shape, shape === 'text-1000' ? count / 3 : count));
console.log('| shape | heap/exchange | estimate/exchange | estimate/heap | sizing ms/exchange |');
console.log('|---|---:|---:|---:|---:|');
for (const row of rows)
  console.log(
    `| ${row.shape} | ${(row.heap / 1024).toFixed(1)} KB | ${(row.estimate / 1024).toFixed(1)} KB | ${row.ratio.toFixed(2)} | ${row.sizingMs.toFixed(3)} |`,
  );
