// Splits text into sentences, and long sentences into clauses at semicolons, keeping
// offsets into the original text so a caller can highlight each claim where it stands.

export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS =
  /(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sgt|Capt|Prof|Jr|Sr|No|Nos|Art|Vol|vs|etc|approx|Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|e\.g|i\.e|cf|U\.S|U\.K|D\.C)|\b\p{Lu})\.$/u;

function trimSpan(text: string, start: number, end: number): TextSpan | undefined {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { text: text.slice(start, end), start, end } : undefined;
}

export function splitSentences(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  let start = 0;
  const boundary = /([.!?]+)(["'”’)\]]*)(\s+|$)|\n\s*\n/g;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const end = m.index + (m[1]?.length ?? 0) + (m[2]?.length ?? 0);
    if (m[1] && m.index + m[0].length < text.length) {
      if (ABBREVIATIONS.test(text.slice(Math.max(start, m.index - 6), m.index + 1))) continue;
      // A sentence starts with a capital, a digit or a quote; "U.S. officials" does not end one.
      if (!/^["'“‘(\[]?[\p{Lu}\p{N}]/u.test(text.slice(m.index + m[0].length))) continue;
    }
    const span = trimSpan(text, start, end);
    if (span) spans.push(span);
    start = m.index + m[0].length;
  }
  const last = trimSpan(text, start, text.length);
  if (last) spans.push(last);
  return spans;
}

/** Sentences, with a sentence cut at semicolons when each side is long enough to stand alone. */
export function splitClaims(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  for (const s of splitSentences(text)) {
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
