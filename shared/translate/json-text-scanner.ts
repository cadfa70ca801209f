/**
 * A JSON tokenizer that reads a text piece by piece, as it may be cut off anywhere, and can
 * say at any point what appending would complete it. Two uses:
 * - tolerant (tool-arguments-repair.ts): a whole text is scanned once; commas right before a
 *   closer (`[1,]`) are recorded for the repair to delete instead of counting as an error;
 * - strict (the stream translator): argument fragments are fed as they arrive and the
 *   scanner says how many of their characters keep the text so far a prefix of one JSON
 *   object. The translator sends only those, so what a client has received is always
 *   completable by appending `suffix()`; it cannot take sent bytes back.
 * State carries over between feed() calls, so a stream costs one pass over its arguments.
 */

type ObjectExpect = 'key-or-end' | 'key' | 'colon' | 'value' | 'comma-or-end';
type ArrayExpect = 'value-or-end' | 'value' | 'comma-or-end';
type Container =
  | { kind: 'object'; expect: ObjectExpect; lastComma: number }
  | { kind: 'array'; expect: ArrayExpect; lastComma: number };

export interface JsonScanResult {
  /** Something no repair can fix: a character where JSON does not allow it. */
  broken: boolean;
  /** Appending this completes the text, once strayCommas are removed. */
  appendOnlySuffix: string;
  /** Indexes of commas directly before a closer (`[1,]`); always empty when strict. */
  strayCommas: number[];
  /** Index of a comma the text ends after, else -1 (the suffix then adds a placeholder). */
  danglingComma: number;
}

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
/** What a number may look like while more characters can still come. */
const NUMBER_PREFIX =
  /^-?(?:0|[1-9]\d*)?$|^-?(?:0|[1-9]\d*)\.\d*$|^-?(?:0|[1-9]\d*)(?:\.\d+)?[eE][+-]?\d*$/;
const LITERALS = ['true', 'false', 'null'];
const TOKEN_CHAR = /[A-Za-z0-9.+-]/;

function isTokenPrefix(token: string): boolean {
  return LITERALS.some((word) => word.startsWith(token)) || NUMBER_PREFIX.test(token);
}

export class JsonTextScanner {
  readonly #strict: boolean;
  readonly #objectOnly: boolean;
  readonly #stack: Container[] = [];
  readonly #strayCommas: number[] = [];
  #topDone = false;
  #inString = false;
  #stringIsKey = false;
  #escape = false;
  #unicodeLeft = 0;
  #token = '';
  #broken = false;
  /** Characters fed (and accepted) so far: positions in the whole text. */
  #offset = 0;

  /**
   * `strict`: refuse a comma before a closer rather than record it. `objectOnly`: the text
   * must be one object (a tool's input), not any JSON value.
   */
  constructor(options: { strict: boolean; objectOnly: boolean }) {
    this.#strict = options.strict;
    this.#objectOnly = options.objectOnly;
  }

  get broken(): boolean {
    return this.#broken;
  }

  /**
   * Reads `text` as the continuation of what came before; returns how many of its leading
   * characters were accepted. Fewer than all means the next one breaks the JSON: the scanner
   * is broken from then on and accepts nothing more.
   */
  feed(text: string): number {
    if (this.#broken) return 0;
    for (let i = 0; i < text.length; i++) {
      if (!this.#step(text[i]!, this.#offset)) {
        this.#broken = true;
        return i;
      }
      this.#offset++;
    }
    return text.length;
  }

  /**
   * What appending completes the accepted text ('' when it is complete, or when nothing can
   * complete it, e.g. nothing but whitespace was accepted). Valid after a refusal too.
   */
  suffix(): string {
    return this.#completion()?.appendOnlySuffix ?? '';
  }

  /** Where the scan stands: what appending completes the text read so far. */
  result(): JsonScanResult {
    const strayCommas = [...this.#strayCommas];
    if (this.#broken) return { broken: true, appendOnlySuffix: '', strayCommas, danglingComma: -1 };
    const completion = this.#completion();
    return completion === null
      ? { broken: true, appendOnlySuffix: '', strayCommas, danglingComma: -1 }
      : { broken: false, strayCommas, ...completion };
  }

  #expectsValue(): boolean {
    const top = this.#stack[this.#stack.length - 1];
    if (!top) return !this.#topDone;
    return top.kind === 'object'
      ? top.expect === 'value'
      : top.expect === 'value' || top.expect === 'value-or-end';
  }

  #afterValue(): void {
    const top = this.#stack[this.#stack.length - 1];
    if (top) top.expect = 'comma-or-end';
    else this.#topDone = true;
  }

  /** One character; false when JSON does not allow it here. */
  #step(ch: string, at: number): boolean {
    if (this.#inString) return this.#stringChar(ch);
    // A refused character leaves the state as it was, so suffix() still completes the
    // accepted text: every check below comes before the change it guards.
    if (this.#token !== '') {
      if (TOKEN_CHAR.test(ch)) {
        if (!isTokenPrefix(this.#token + ch)) return false;
        this.#token += ch;
        return true;
      }
      if (!LITERALS.includes(this.#token) && !NUMBER.test(this.#token)) return false;
      this.#token = '';
      this.#afterValue();
    }
    if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') return true;
    const top = this.#stack[this.#stack.length - 1];
    const atTop = this.#stack.length === 0;
    switch (ch) {
      case '{':
      case '[':
        if (!this.#expectsValue()) return false;
        if (atTop && this.#objectOnly && ch === '[') return false;
        // The container is its parent's value from here on, finished or not.
        this.#afterValue();
        this.#stack.push(
          ch === '{'
            ? { kind: 'object', expect: 'key-or-end', lastComma: -1 }
            : { kind: 'array', expect: 'value-or-end', lastComma: -1 },
        );
        return true;
      case '"':
        if (top?.kind === 'object' && (top.expect === 'key' || top.expect === 'key-or-end')) {
          this.#stringIsKey = true;
        } else if (this.#expectsValue() && !(atTop && this.#objectOnly)) {
          this.#stringIsKey = false;
        } else {
          return false;
        }
        this.#inString = true;
        return true;
      case ':':
        if (top?.kind !== 'object' || top.expect !== 'colon') return false;
        top.expect = 'value';
        return true;
      case ',':
        if (top?.expect !== 'comma-or-end') return false;
        top.expect = top.kind === 'object' ? 'key' : 'value';
        top.lastComma = at;
        return true;
      case '}':
      case ']': {
        const kind = ch === '}' ? 'object' : 'array';
        if (top?.kind !== kind) return false;
        if (top.expect === 'key' || (top.kind === 'array' && top.expect === 'value')) {
          if (this.#strict) return false;
          this.#strayCommas.push(top.lastComma);
        } else if (
          top.expect !== 'key-or-end' &&
          top.expect !== 'value-or-end' &&
          top.expect !== 'comma-or-end'
        ) {
          return false;
        }
        this.#stack.pop();
        this.#afterValue();
        return true;
      }
      default:
        if (!this.#expectsValue() || (atTop && this.#objectOnly) || !/[-0-9tfn]/.test(ch))
          return false;
        this.#token = ch;
        return true;
    }
  }

  #stringChar(ch: string): boolean {
    if (this.#unicodeLeft > 0) {
      if (!/[0-9a-fA-F]/.test(ch)) return false;
      this.#unicodeLeft--;
    } else if (this.#escape) {
      if (ch === 'u') this.#unicodeLeft = 4;
      else if (this.#strict && !'"\\/bfnrt'.includes(ch)) return false;
      this.#escape = false;
    } else if (ch === '\\') {
      this.#escape = true;
    } else if (ch === '"') {
      this.#inString = false;
      const top = this.#stack[this.#stack.length - 1];
      if (this.#stringIsKey && top?.kind === 'object') top.expect = 'colon';
      else this.#afterValue();
    } else if (this.#strict && ch < ' ') {
      // A raw control character is not allowed inside a JSON string.
      return false;
    }
    return true;
  }

  /** The append-only completion of the text so far, or null when none exists. */
  #completion(): Pick<JsonScanResult, 'appendOnlySuffix' | 'danglingComma'> | null {
    // Works on a copy: the scanner may be fed more after being asked.
    const stack = this.#stack.map((container) => ({ ...container }));
    let topDone = this.#topDone;
    const afterValue = (): void => {
      const top = stack[stack.length - 1];
      if (top) top.expect = 'comma-or-end';
      else topDone = true;
    };
    let suffix = '';
    if (this.#inString) {
      if (this.#unicodeLeft > 0) suffix += '0'.repeat(this.#unicodeLeft);
      // A lone trailing backslash becomes an escaped backslash, so the quote really closes.
      if (this.#escape) suffix += '\\';
      suffix += '"';
      const top = stack[stack.length - 1];
      if (this.#stringIsKey && top?.kind === 'object') top.expect = 'colon';
      else afterValue();
    } else if (this.#token !== '') {
      const literal = LITERALS.find((word) => word.startsWith(this.#token));
      const completion = literal
        ? literal.slice(this.#token.length)
        : /[-.eE+]$/.test(this.#token)
          ? '0'
          : '';
      const token = this.#token + completion;
      if (!LITERALS.includes(token) && !NUMBER.test(token)) return null;
      suffix += completion;
      afterValue();
    }
    if (!topDone && stack.length === 0) return null;
    let danglingComma = -1;
    // Only the innermost container can be mid-member: its parents already hold it as a value.
    for (let level = stack.length - 1; level >= 0; level--) {
      const container = stack[level]!;
      if (container.kind === 'object') {
        if (container.expect === 'colon') suffix += ':null';
        else if (container.expect === 'value') suffix += 'null';
        else if (container.expect === 'key') {
          danglingComma = container.lastComma;
          suffix += '"":null';
        }
        suffix += '}';
      } else {
        if (container.expect === 'value') {
          danglingComma = container.lastComma;
          suffix += 'null';
        }
        suffix += ']';
      }
    }
    return { appendOnlySuffix: suffix, danglingComma };
  }
}

/** A single pass over a whole JSON text that may be cut off anywhere (tolerant). */
export function scanJson(text: string): JsonScanResult {
  const scanner = new JsonTextScanner({ strict: false, objectOnly: false });
  scanner.feed(text);
  return scanner.result();
}
