// Splits a text into units: sentences, and lines that stand alone (headings, captions,
// datelines, metadata). Each unit keeps its offsets into the original text, so a caller can
// highlight it where it stands. Citation marks ("[1][24]") stay in the unit's text but are
// blanked for reading, so they neither merge sentences nor read as numbers.

export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS =
  /(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sgt|Capt|Prof|Jr|Sr|No|Nos|Art|Vol|vs|etc|approx|Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|e\.g|i\.e|cf|U\.S|U\.K|D\.C)|\b\p{Lu})\.$/u;

/** Citation marks as encyclopedias and reports print them: [1], [24], [a], [citation needed]. */
export const CITATION = /\[(?:\d{1,3}|[a-z]|citation needed|note \d+)\]/g;

/** The same text with citation marks replaced by spaces: offsets are unchanged. */
export function blankCitations(text: string): string {
  return text.replace(CITATION, (m) => ' '.repeat(m.length));
}

function trimSpan(text: string, start: number, end: number): TextSpan | undefined {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { text: text.slice(start, end), start, end } : undefined;
}

/**
 * Where lines end units: a line break ends one when the line before it is complete (ends in
 * a stop or a colon) or stands alone (the next line starts with a capital, a digit, a quote
 * or a bullet: a heading, a caption, a list item). A line broken inside a sentence goes on.
 */
function lineBreaks(text: string): number[] {
  const breaks: number[] = [];
  const newline = /[ \t]*\r?\n\s*/g;
  for (let m = newline.exec(text); m; m = newline.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 1), m.index);
    const after = text[m.index + m[0].length] ?? '';
    const blank = /\n[ \t]*\r?\n/.test(m[0]);
    if (blank || /[.!?:;"”’)\]]/.test(before) || /[\p{Lu}\p{N}"“‘•·*–—-]/u.test(after)) breaks.push(m.index);
  }
  return breaks;
}

/** Sentences of one line or paragraph (no line breaks that end units inside it). */
function sentencesIn(text: string, from: number, to: number, out: TextSpan[]): void {
  const reading = blankCitations(text.slice(0, to));
  let start = from;
  // Only at the start of a run of stops, so a long run of them cannot make this quadratic.
  const boundary = /(?<![.!?])([.!?]+)(["'”’)\]]*)(\s+|$)/g;
  boundary.lastIndex = from;
  for (let m = boundary.exec(reading); m && m.index < to; m = boundary.exec(reading)) {
    const end = m.index + m[1]!.length + m[2]!.length;
    if (m.index + m[0].length < to) {
      if (ABBREVIATIONS.test(reading.slice(Math.max(start, m.index - 6), m.index + 1))) continue;
      // A sentence starts with a capital, a digit or a quote; "U.S. officials" does not end one.
      if (!/^["'“‘(\[]?[\p{Lu}\p{N}]/u.test(reading.slice(m.index + m[0].length))) continue;
    }
    // The citation marks after a sentence belong to it.
    const cited = /^(?:\s*\[[^\]\n]{1,20}\])+/.exec(text.slice(end, to));
    const span = trimSpan(text, start, cited ? end + cited[0].length : end);
    if (span) out.push(span);
    start = cited ? end + cited[0].length : m.index + m[0].length;
  }
  const last = trimSpan(text, start, to);
  if (last) out.push(last);
}

export function splitUnits(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  let from = 0;
  for (const b of [...lineBreaks(text), text.length]) {
    if (b > from) sentencesIn(text, from, b, out);
    from = b;
  }
  return out;
}

/** Sentences cut at semicolons when each side is long enough to stand alone. */
export function splitClaims(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  for (const s of splitUnits(text)) {
    let from = s.start;
    for (const m of s.text.matchAll(/;\s+/g)) {
      const cut = s.start + m.index;
      const left = text.slice(from, cut);
      const right = text.slice(cut + m[0].length, s.end);
      if (left.split(/\s+/).length >= 6 && right.split(/\s+/).length >= 6) {
        const span = trimSpan(text, from, cut);
        if (span) out.push(span);
        from = cut + m[0].length;
      }
    }
    const rest = trimSpan(text, from, s.end);
    if (rest) out.push(rest);
  }
  return out;
}
