// Which words a sentence denies. "Poland would not send jets" denies "send" and "jets"; a
// claim that Poland would send them disagrees with it even though every word matches.
// Rejecting or opposing something denies it too: "ministers rejected a no-fly zone".
import type { Token } from './tokenize.ts';

const CUES = new Set(['not', 'never', 'no', 'without', 'nor', 'neither', 'cannot']);
const PHRASE_CUES =
  /\b(?:stopp?(?:ed|ing|s)?\s+short\s+of|refus(?:ed|es|e|ing)\s+to|reject(?:ed|s|ing)?|oppos(?:ed|es|e|ing)|objec(?:ted|ts|t|ting)\s+to|turn(?:ed|s)?\s+down|declin(?:ed|es|e|ing)\s+to|fail(?:ed|s|ing)?\s+to|ruled?\s+out|rather\s+than|instead\s+of)\s*$/i;
/** How many words after a cue it still reaches ("did not formally grant a plan"). */
const REACH = 4;

/** Indexes of tokens that fall under a negation in the same clause. */
export function negatedTokens(tokens: Token[], text: string): Set<number> {
  const negated = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const before = text.slice(Math.max(0, t.start - 30), t.start);
    // "No. 6470" numbers a bill and a "no-fly zone" is a thing; neither denies anything.
    const cue = (CUES.has(t.lower) && !(t.lower === 'no' && /^[.-]/.test(text[t.end] ?? ''))) || /n['’]t$/.test(t.lower);
    const phrase = PHRASE_CUES.test(before);
    if (!cue && !phrase) continue;
    const first = cue ? i + 1 : i;
    for (let j = first; j < Math.min(tokens.length, first + REACH); j++) {
      if (/[,;:.()]/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start)) && j > first) break;
      negated.add(j);
    }
  }
  return negated;
}
