/**
 * Draws the tray and app icons and writes them as PNG files beside this script, using only
 * Node (zlib for deflate and CRC-32): no image packages, so anyone can regenerate them with
 * `node resources/generate-icons.ts`. The PNGs are committed; the app never runs this.
 *
 * Each tray state has its own shape as well as its own colour, so the state reads without
 * colour (and in macOS template images, which are black + alpha that the OS tints):
 * running = filled disc, stopped = ring, error = disc with an exclamation mark cut out,
 * busy (calls in flight) = ring around a centre dot.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];
/** True where a point (in a unit square, 0..1 on both axes) is painted. */
type Shape = (x: number, y: number) => boolean;

export const trayStates = ['running', 'stopped', 'error', 'busy'] as const;
export type TrayIconState = (typeof trayStates)[number];

const colours: Record<TrayIconState, Rgb> = {
  running: [46, 160, 67],
  stopped: [128, 128, 128],
  error: [218, 54, 51],
  busy: [31, 111, 235],
};

const disc =
  (r: number): Shape =>
  (x, y) =>
    (x - 0.5) ** 2 + (y - 0.5) ** 2 <= r * r;
const ring =
  (outer: number, inner: number): Shape =>
  (x, y) => {
    const d = (x - 0.5) ** 2 + (y - 0.5) ** 2;
    return d <= outer * outer && d >= inner * inner;
  };
const box =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1;
const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const minus =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && !b(x, y);

/** A bar and a dot, cut out of the error disc. */
const exclamationMark: Shape = (x, y) =>
  box(0.43, 0.2, 0.57, 0.57)(x, y) || (x - 0.5) ** 2 + (y - 0.75) ** 2 <= 0.08 ** 2;

const trayShapes: Record<TrayIconState, Shape> = {
  running: disc(0.44),
  stopped: ring(0.44, 0.28),
  error: minus(disc(0.46), exclamationMark),
  busy: union(ring(0.46, 0.32), disc(0.17)),
};

/** Right arrow over left arrow: the app icon's glyph for "translate between two APIs". */
function arrow(y: number, pointsRight: boolean): Shape {
  const shaft = pointsRight
    ? box(0.22, y - 0.045, 0.62, y + 0.045)
    : box(0.38, y - 0.045, 0.78, y + 0.045);
  const head: Shape = (x, py) => {
    const dx = pointsRight ? x - 0.6 : 0.4 - x; // distance from the head's base, along the arrow
    return dx >= 0 && dx <= 0.18 && Math.abs(py - y) <= 0.13 * (1 - dx / 0.18);
  };
  return union(shaft, head);
}

function roundedSquare(margin: number, radius: number): Shape {
  return (x, y) => {
    const qx = Math.max(Math.abs(x - 0.5) - (0.5 - margin - radius), 0);
    const qy = Math.max(Math.abs(y - 0.5) - (0.5 - margin - radius), 0);
    return qx * qx + qy * qy <= radius * radius;
  };
}

/** Renders shapes with 4x4 supersampling for anti-aliased edges; later layers paint over. */
function render(size: number, layers: ReadonlyArray<{ shape: Shape; colour: Rgb }>): Buffer {
  const n = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          for (let i = layers.length - 1; i >= 0; i--) {
            const layer = layers[i]!;
            if (layer.shape(x, y)) {
              r += layer.colour[0];
              g += layer.colour[1];
              b += layer.colour[2];
              a += 1;
              break;
            }
          }
        }
      }
      const o = (py * size + px) * 4;
      // Colour is averaged over covered samples only (straight, not premultiplied, alpha).
      rgba[o] = a ? Math.round(r / a) : 0;
      rgba[o + 1] = a ? Math.round(g / a) : 0;
      rgba[o + 2] = a ? Math.round(b / a) : 0;
      rgba[o + 3] = Math.round((255 * a) / (n * n));
    }
  }
  return encodePng(size, size, rgba);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A minimal PNG: 8-bit RGBA, no interlace, filter type 0 on every scanline. */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(6, 9); // colour type RGBA
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main(): void {
  const here = import.meta.dirname;
  const trayDir = join(here, 'tray');
  mkdirSync(trayDir, { recursive: true });
  const black: Rgb = [0, 0, 0];
  for (const state of trayStates) {
    const shape = trayShapes[state];
    for (const [suffix, size] of [
      ['', 16],
      ['@2x', 32],
    ] as const) {
      // Windows/Linux: coloured. macOS: "…Template" images, black + alpha, tinted by the OS.
      writeFileSync(
        join(trayDir, `tray-${state}${suffix}.png`),
        render(size, [{ shape, colour: colours[state] }]),
      );
      writeFileSync(
        join(trayDir, `tray-${state}Template${suffix}.png`),
        render(size, [{ shape, colour: black }]),
      );
    }
  }
  const white: Rgb = [255, 255, 255];
  const clay: Rgb = [217, 119, 87];
  writeFileSync(
    join(here, 'icon.png'),
    render(1024, [
      { shape: roundedSquare(0.08, 0.18), colour: clay },
      { shape: union(arrow(0.38, true), arrow(0.62, false)), colour: white },
    ]),
  );
}

// Runs when executed directly (`node resources/generate-icons.ts`), not when imported by tests.
if (import.meta.main) main();
