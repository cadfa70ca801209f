/**
 * The recorded items of one stream list (the JSON text of each upstream chunk, or of each
 * event written to the client), one string per batch the tap hands over (one network read's
 * chunks, one write's events): a single item is kept as given, several are joined, with the
 * end of each item in the joined text. Why: a string retained per item (a thousand per
 * 1,000-chunk stream and list) is a young object that every scavenge copies and promotes and
 * every major GC marks; a few strings per stream cost the collector next to nothing. Joining
 * a 50 KB read's chunks is a few microseconds. (Buffers off the JS heap were tried too: V8
 * then collected on external-memory pressure, and a stream cost 1 ms more CPU.)
 *
 * Items of a batch share its arrival offset (they arrived in the same read or left in the
 * same write). Reading items back (views, search) slices the joined text, off the hot path.
 */
import { textBytes } from './size-estimate.ts';

/** A batch's slots in the lists (V8 64-bit; calibrated with measure-recorder-heap.ts). */
const SLOTS_BYTES = 24;
/** A slice of a longer string (an item eventsource-parser cut out of a read's text). */
const SLICED_STRING_BYTES = 32;
/** A small Uint32Array (item ends) on the V8 heap, its store included. */
const TYPED_ARRAY_BYTES = 96;
/** An empty list's own objects (the instance and its arrays). */
const EMPTY_LIST_BYTES = 160;
/** `data: ` and the blank line around a chunk's text in the read it came in. */
const SSE_FRAMING_CHARS = 8;

/**
 * How the items given to a list sit on the heap: `sliced`, the upstream's chunks, each a
 * slice of the decoded text of its network read, which it keeps alive whole (a one-chunk
 * read is priced as the read); `own`, strings of their own (the events' JSON.stringify text).
 */
export type ItemStrings = 'sliced' | 'own';

export interface TimedText {
  offsetMs: number;
  text: string;
}

export class StreamItems {
  /** Per batch: its text (one item as given, or the items joined). */
  readonly #data: string[] = [];
  /** Per batch of more than one item: each item's end in the batch's text (UTF-16 units). */
  readonly #ends: (Uint32Array | undefined)[] = [];
  readonly #offsets: number[] = [];
  readonly #batchBytes: number[] = [];
  readonly #strings: ItemStrings;
  #length = 0;
  #bytes = EMPTY_LIST_BYTES;

  constructor(strings: ItemStrings) {
    this.#strings = strings;
  }

  /** Items kept. */
  get length(): number {
    return this.#length;
  }

  /** Heap the kept items hold (strings and their bookkeeping). */
  get bytes(): number {
    return this.#bytes;
  }

  /** Keeps the first `room` items of `batch` (all by default) at `offsetMs`; returns how many. */
  append(batch: readonly string[], offsetMs: number, room = batch.length): number {
    const kept = Math.max(0, Math.min(batch.length, room));
    if (kept === 0) return 0;
    let data: string;
    let ends: Uint32Array | undefined;
    let size: number;
    if (kept === 1) {
      data = batch[0]!;
      size = this.#keptStringBytes(data);
    } else {
      ends = new Uint32Array(kept);
      let end = 0;
      for (let i = 0; i < kept; i++) {
        end += batch[i]!.length;
        ends[i] = end;
      }
      data = (kept === batch.length ? batch : batch.slice(0, kept)).join('');
      size = textBytes(data) + 4 * kept + TYPED_ARRAY_BYTES;
    }
    size += SLOTS_BYTES;
    this.#data.push(data);
    this.#ends.push(ends);
    this.#offsets.push(offsetMs);
    this.#batchBytes.push(size);
    this.#length += kept;
    this.#bytes += size;
    return kept;
  }

  /** Heap bytes of a one-item batch's string, kept as given. */
  #keptStringBytes(text: string): number {
    if (this.#strings === 'own') return textBytes(text);
    // The slice, and the whole read's text it keeps alive.
    return SLICED_STRING_BYTES + textBytes(text, SSE_FRAMING_CHARS);
  }

  /** Items [from, length), in order, with their offsets. */
  read(from = 0): TimedText[] {
    const out: TimedText[] = [];
    let first = 0;
    for (let b = 0; b < this.#data.length; b++) {
      const ends = this.#ends[b];
      const count = ends ? ends.length : 1;
      if (first + count > from) {
        const text = this.#data[b]!;
        const offsetMs = this.#offsets[b]!;
        if (!ends) out.push({ offsetMs, text });
        else
          for (let i = Math.max(0, from - first); i < count; i++)
            out.push({ offsetMs, text: text.slice(i === 0 ? 0 : ends[i - 1], ends[i]) });
      }
      first += count;
    }
    return out;
  }

  /**
   * Cuts the list to the whole batches that fit in `maxBytes` and appends `marker` (the JSON
   * text of a truncation marker) at the last kept offset; returns how many items it dropped.
   */
  truncate(maxBytes: number, marker: (droppedItems: number) => string): number {
    if (this.#bytes <= maxBytes) return 0;
    let bytes = EMPTY_LIST_BYTES;
    let kept = 0;
    let batches = 0;
    while (batches < this.#data.length && bytes + this.#batchBytes[batches]! <= maxBytes) {
      bytes += this.#batchBytes[batches]!;
      kept += this.#ends[batches]?.length ?? 1;
      batches++;
    }
    const dropped = this.#length - kept;
    const lastOffset = this.#offsets.at(-1) ?? 0;
    for (const list of [this.#data, this.#ends, this.#offsets, this.#batchBytes])
      list.length = batches;
    this.#length = kept;
    this.#bytes = bytes;
    this.append([marker(dropped)], lastOffset);
    return dropped;
  }
}
