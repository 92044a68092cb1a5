/**
 * A check of a backup file's text before JSON.parse sees it: the first syntax error with its
 * line and column (engines' own messages do not always give a position), keys that could
 * reach an object's prototype (`__proto__`, `constructor`, `prototype`), and nesting deeper
 * than any backup has, refused at once instead of after a long parse. Iterative, so a file
 * of a million '[' is refused in one linear pass without exhausting the stack.
 */

/** A backup nests 5 levels (file → table → record → entry → items); this leaves room. */
export const MAX_JSON_DEPTH = 32;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonScan = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

export function scanJson(text: string): JsonScan {
  let i = 0;
  const fail = (what: string, at = i): JsonScan => {
    const { line, column } = lineColumn(text, at);
    return { ok: false, message: `Not valid JSON: ${what} (line ${line}, column ${column}).` };
  };
  const skip = () => {
    while (i < text.length && WS.has(text.charCodeAt(i))) i++;
  };
  const describe = () =>
    i >= text.length ? 'the file ends too early' : `unexpected ${JSON.stringify(text[i])}`;
  /** Reads a string at i (which is '"'); returns its content or null after an error. */
  const readString = (): string | null => {
    const start = i;
    i++;
    let out = '';
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return out;
      }
      if (c < 0x20) return null;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return null;
          out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) return null;
        out += e;
        i += 2;
        continue;
      }
      out += text.charAt(i);
      i++;
    }
    i = start;
    return null;
  };
  const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  // The stack of open containers: '{' or '['.
  const stack: string[] = [];
  // What the scanner expects next.
  let expect: 'value' | 'key' | 'after-value' = 'value';
  skip();
  if (i >= text.length) return { ok: false, message: 'Not valid JSON: the file is empty.' };
  for (;;) {
    skip();
    if (expect === 'value') {
      const c = text[i];
      if (c === '{' || c === '[') {
        stack.push(c);
        if (stack.length > MAX_JSON_DEPTH)
          return fail(`nested more than ${MAX_JSON_DEPTH} levels deep; no backup is`);
        i++;
        skip();
        if (c === '{' && text[i] === '}') {
          stack.pop();
          i++;
          expect = 'after-value';
        } else if (c === '[' && text[i] === ']') {
          stack.pop();
          i++;
          expect = 'after-value';
        } else expect = c === '{' ? 'key' : 'value';
        continue;
      }
      if (c === '"') {
        const at = i;
        if (readString() === null)
          return fail('a text value is not closed or has a bad escape', at);
      } else if (text.startsWith('true', i)) i += 4;
      else if (text.startsWith('false', i)) i += 5;
      else if (text.startsWith('null', i)) i += 4;
      else {
        number.lastIndex = i;
        const m = number.exec(text);
        if (!m) return fail(describe());
        i += m[0].length;
      }
      expect = 'after-value';
      continue;
    }
    if (expect === 'key') {
      if (text[i] !== '"')
        return fail(
          `expected a key in double quotes, found ${describe().replace('unexpected ', '')}`,
        );
      const at = i;
      const key = readString();
      if (key === null) return fail('a key is not closed or has a bad escape', at);
      if (FORBIDDEN_KEYS.has(key)) return fail(`the key "${key}" is not allowed in a backup`, at);
      skip();
      if (text[i] !== ':')
        return fail(
          `expected ':' after the key "${key}", found ${describe().replace('unexpected ', '')}`,
        );
      i++;
      expect = 'value';
      continue;
    }
    // after-value
    const top = stack[stack.length - 1];
    if (top === undefined) {
      if (i < text.length) return fail(`${describe()} after the end of the data`);
      return { ok: true };
    }
    const c = text[i];
    if (c === ',') {
      i++;
      expect = top === '{' ? 'key' : 'value';
      continue;
    }
    if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
      stack.pop();
      i++;
      continue;
    }
    return fail(
      i >= text.length
        ? `the file ends before a ${top === '{' ? "'}'" : "']'"} closes what was opened`
        : `expected ',' or '${top === '{' ? '}' : ']'}', found ${JSON.stringify(c)}`,
    );
  }
}

/**
 * The file's bytes as text, refused (not altered) when they are not valid UTF-8: a decoder
 * that replaced bad bytes with U+FFFD would import altered names and notes without a word.
 */
export function decodeUtf8(
  bytes: ArrayBuffer | Uint8Array,
): { ok: true; text: string } | { ok: false; message: string } {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(view) };
  } catch {
    const at = firstInvalidUtf8(view);
    return {
      ok: false,
      message: `The file is not valid UTF-8 text (byte ${at + 1} of ${view.length} is not UTF-8); nothing was read. Export it again from Trajectory, or save it as UTF-8.`,
    };
  }
}

/** Offset of the first byte that breaks UTF-8. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] ?? 0;
    const need =
      c < 0x80
        ? 0
        : c >= 0xc2 && c <= 0xdf
          ? 1
          : c >= 0xe0 && c <= 0xef
            ? 2
            : c >= 0xf0 && c <= 0xf4
              ? 3
              : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return Math.max(0, b.length - 1);
}
