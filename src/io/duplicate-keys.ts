// JSON.parse keeps the last of two equal keys in an object and says nothing, so an import file
// with `"title"` twice in a record lost the first one silently. This pass finds the first key
// that repeats within one object, with its line, in one walk over text JSON.parse accepted.

export interface DuplicateKey {
  key: string;
  line: number;
}

/** The first duplicate key in `text` (which must be valid JSON), or undefined. */
export function findDuplicateKey(text: string): DuplicateKey | undefined {
  // One set of keys per open object; null for an open array.
  const open: (Set<string> | null)[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      i++;
      let escaped = false;
      for (; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) {
          i++;
          escaped = true;
        } else if (d === 0x22) break;
      }
      const end = i;
      i++;
      const top = open[open.length - 1];
      if (top) {
        // A string in an object is a key when a colon follows it.
        const keyLine = line;
        let j = i;
        while (j < n && isSpace(text.charCodeAt(j))) {
          if (text.charCodeAt(j) === 0x0a) line++;
          j++;
        }
        if (text.charCodeAt(j) === 0x3a /* : */) {
          const key = escaped ? (JSON.parse(text.slice(start, end + 1)) as string) : text.slice(start + 1, end);
          if (top.has(key)) return { key, line: keyLine };
          top.add(key);
        }
        i = j;
      }
      continue;
    }
    if (c === 0x7b /* { */) open.push(new Set());
    else if (c === 0x5b /* [ */) open.push(null);
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) open.pop();
    else if (c === 0x0a) line++;
    i++;
  }
  return undefined;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
