import { describe, expect, it } from 'vitest';
import {
  decodeBase64Prefix,
  imageSizeFromBase64,
} from '../../../shared/tokens/image-dimensions.ts';

function png(width: number, height: number): string {
  const bytes = Buffer.alloc(40);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes, 0);
  bytes.writeUInt32BE(13, 8);
  bytes.write('IHDR', 12, 'ascii');
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  return bytes.toString('base64');
}

function gif(width: number, height: number): string {
  const bytes = Buffer.alloc(32);
  bytes.write('GIF89a', 0, 'ascii');
  bytes.writeUInt16LE(width, 6);
  bytes.writeUInt16LE(height, 8);
  return bytes.toString('base64');
}

function webpVp8x(width: number, height: number): string {
  const bytes = Buffer.alloc(40);
  bytes.write('RIFF', 0, 'ascii');
  bytes.write('WEBP', 8, 'ascii');
  bytes.write('VP8X', 12, 'ascii');
  bytes.writeUIntLE(width - 1, 24, 3);
  bytes.writeUIntLE(height - 1, 27, 3);
  return bytes.toString('base64');
}

/** A JPEG whose SOF0 comes after an APP1 (EXIF) segment of `exifBytes`. */
function jpeg(width: number, height: number, exifBytes = 100): string {
  const app1 = Buffer.alloc(4 + exifBytes);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(exifBytes + 2, 2);
  const sof = Buffer.alloc(19);
  sof.writeUInt16BE(0xffc0, 0);
  sof.writeUInt16BE(17, 2);
  sof[4] = 8;
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app1, sof, Buffer.alloc(16)]).toString('base64');
}

describe('imageSizeFromBase64', () => {
  it.each([
    ['PNG', png(1920, 1080), { width: 1920, height: 1080 }],
    ['GIF', gif(320, 200), { width: 320, height: 200 }],
    ['WebP (VP8X)', webpVp8x(800, 600), { width: 800, height: 600 }],
    ['JPEG', jpeg(1024, 768), { width: 1024, height: 768 }],
    ['JPEG with 30 KB of EXIF before the size', jpeg(640, 480, 30000), { width: 640, height: 480 }],
  ])('reads the size of a %s from its header', (_format, data, size) => {
    expect(imageSizeFromBase64(data)).toEqual(size);
  });

  it.each([
    ['garbage', 'bm90IGFuIGltYWdlIGF0IGFsbCwganVzdCB0ZXh0IQ=='],
    ['too short', 'iVBORw0KGgo='],
    ['not base64', '***'],
    ['a truncated JPEG', jpeg(10, 10, 200).slice(0, 80)],
  ])('gives undefined for %s, without throwing', (_case, data) => {
    expect(imageSizeFromBase64(data)).toBeUndefined();
  });
});

describe('decodeBase64Prefix', () => {
  it('decodes like Buffer, up to the byte limit', () => {
    const bytes = Buffer.from('any carnal pleasure, and more');
    const data = bytes.toString('base64');
    expect(Buffer.from(decodeBase64Prefix(data, 1000))).toEqual(bytes);
    expect(Buffer.from(decodeBase64Prefix(data, 7))).toEqual(bytes.subarray(0, 7));
  });
});
