/**
 * Width and height of a base64 PNG, GIF, WebP or JPEG, read from its header without decoding
 * the whole image, for the image-token estimate. PNG, GIF and WebP keep their size in the
 * first 30 bytes; JPEG keeps it in the first SOF segment, after any EXIF data, so up to
 * 64 KB are decoded for it. Anything unreadable gives undefined, never an exception.
 */

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUES = new Map([...BASE64_ALPHABET].map((char, index) => [char, index]));
const JPEG_SCAN_BYTES = 65536;

export interface ImageSize {
  width: number;
  height: number;
}

/** The first `maxBytes` bytes of base64 `data` (standard alphabet; stops at padding). */
export function decodeBase64Prefix(data: string, maxBytes: number): Uint8Array {
  const chars = Math.min(data.length, Math.ceil(maxBytes / 3) * 4);
  const out = new Uint8Array(Math.floor((chars * 3) / 4));
  let length = 0;
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < chars; i++) {
    const value = BASE64_VALUES.get(data[i]);
    if (value === undefined) break;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[length++] = (buffer >> bits) & 0xff;
    }
  }
  return out.subarray(0, Math.min(length, maxBytes));
}

function u16be(bytes: Uint8Array, at: number): number {
  return (bytes[at] << 8) | bytes[at + 1];
}

function u16le(bytes: Uint8Array, at: number): number {
  return bytes[at] | (bytes[at + 1] << 8);
}

function u24le(bytes: Uint8Array, at: number): number {
  return bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16);
}

function u32be(bytes: Uint8Array, at: number): number {
  return ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

function webpSize(bytes: Uint8Array): ImageSize | undefined {
  switch (ascii(bytes, 12, 4)) {
    case 'VP8 ':
      return { width: u16le(bytes, 26) & 0x3fff, height: u16le(bytes, 28) & 0x3fff };
    case 'VP8L': {
      const bits = bytes[21] | (bytes[22] << 8) | (bytes[23] << 16) | (bytes[24] << 24);
      return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
    case 'VP8X':
      return { width: u24le(bytes, 24) + 1, height: u24le(bytes, 27) + 1 };
    default:
      return undefined;
  }
}

function jpegSize(bytes: Uint8Array): ImageSize | undefined {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1];
    // SOF0–SOF15 carry the size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: u16be(bytes, at + 7), height: u16be(bytes, at + 5) };
    }
    at += 2 + u16be(bytes, at + 2);
  }
  return undefined;
}

export function imageSizeFromBase64(data: string): ImageSize | undefined {
  const head = decodeBase64Prefix(data, 32);
  if (head.length < 24) return undefined;
  let size: ImageSize | undefined;
  if (head[0] === 0x89 && ascii(head, 1, 3) === 'PNG') {
    size = { width: u32be(head, 16), height: u32be(head, 20) };
  } else if (ascii(head, 0, 3) === 'GIF') {
    size = { width: u16le(head, 6), height: u16le(head, 8) };
  } else if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP' && head.length >= 30) {
    size = webpSize(head);
  } else if (head[0] === 0xff && head[1] === 0xd8) {
    size = jpegSize(decodeBase64Prefix(data, JPEG_SCAN_BYTES));
  }
  return size && size.width > 0 && size.height > 0 ? size : undefined;
}
