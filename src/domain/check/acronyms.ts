// Acronyms the record defines ("Cooperative Cyber Defence Centre of Excellence (CCDCOE)"),
// so a record that later says only "CCDCOE" still meets a claim about "the cyber defence centre".
import { stem } from './tokenize.ts';

export type Acronyms = Map<string, string[]>;

const DEFINITION = /((?:[\p{L}][\p{L}'’-]*,?\s+){1,10})\(([A-Z][A-Z0-9-]{1,9})\)/gu;
const MINOR = /^(?:of|the|and|for|on|in|to|a)$/i;

export function learnAcronyms(texts: Iterable<string>, into: Acronyms = new Map()): Acronyms {
  for (const text of texts) {
    if (!text.includes('(')) continue;
    DEFINITION.lastIndex = 0;
    for (let m = DEFINITION.exec(text); m; m = DEFINITION.exec(text)) {
      const acronym = m[2]!;
      if (into.has(acronym)) continue;
      const words = m[1]!
        .trim()
        .split(/[\s,]+/)
        .filter(Boolean);
      const letters = acronym.replace(/[^A-Z]/g, '');
      // The definition starts at the leftmost word with the acronym's initial whose capitals
      // account for most of its letters.
      for (let i = 0; i < words.length; i++) {
        if (words[i]![0]?.toUpperCase() !== letters[0]) continue;
        const phrase = words.slice(i);
        const initials = phrase.filter((w) => !MINOR.test(w) && /^\p{Lu}/u.test(w)).length;
        if (initials >= Math.max(2, letters.length - 2) && initials <= letters.length + 1) {
          into.set(acronym, phrase.filter((w) => !MINOR.test(w)).map(stem));
          break;
        }
      }
    }
  }
  return into;
}
