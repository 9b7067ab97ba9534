// Scores the checker on labelled real texts: each text is checked whole (so back-references and
// headings behave as in use) and each labelled sentence takes the verdict of the claim that
// covers it. Used by `npm run eval:claims` and by the tests that hold the figures.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkText } from './check-text.ts';
import type { EvidenceSource } from './evidence-source.ts';

export interface LabelledSentence {
  text: string;
  truth: 'true' | 'false' | 'partly-false' | 'non-claim' | 'unknown';
  settled: boolean;
  expected: 'supported' | 'contradicted' | 'unverifiable';
  note?: string;
}

export interface LabelledText {
  id: string;
  url: string;
  text: string;
  sentences: LabelledSentence[];
}

export interface Perturbation {
  original: string;
  perturbed: string;
  changed: string;
}

export interface Outcome {
  text: string;
  sentence: LabelledSentence;
  verdict: 'supported' | 'contradicted' | 'unverifiable';
  explanation?: string;
}

export interface Scores {
  texts: number;
  sentences: number;
  supported: number;
  supportedRight: number;
  contradicted: number;
  contradictedRight: number;
  settled: number;
  settledRight: number;
  outcomes: Outcome[];
}

export function readLabelledTexts(dir: string): LabelledText[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'perturbed.json')
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as LabelledText);
}

export async function scoreTexts(texts: LabelledText[], source: EvidenceSource): Promise<Scores> {
  const s: Scores = {
    texts: texts.length,
    sentences: 0,
    supported: 0,
    supportedRight: 0,
    contradicted: 0,
    contradictedRight: 0,
    settled: 0,
    settledRight: 0,
    outcomes: [],
  };
  for (const t of texts) {
    const { claims } = await checkText(t.text, source);
    let from = 0;
    for (const sentence of t.sentences) {
      const start = t.text.indexOf(sentence.text, from) >= 0 ? t.text.indexOf(sentence.text, from) : t.text.indexOf(sentence.text);
      from = start + sentence.text.length;
      const end = start + sentence.text.length;
      const claim =
        claims.find((c) => c.start < end && c.end > start && c.verdict !== 'unverifiable') ??
        claims.find((c) => c.start < end && c.end > start);
      const verdict = claim?.verdict ?? 'unverifiable';
      s.sentences++;
      if (verdict === 'supported') {
        s.supported++;
        if (sentence.truth === 'true') s.supportedRight++;
      }
      if (verdict === 'contradicted') {
        s.contradicted++;
        if (sentence.truth === 'false' || sentence.truth === 'partly-false') s.contradictedRight++;
      }
      if (sentence.settled) {
        s.settled++;
        if (verdict === sentence.expected) s.settledRight++;
      }
      s.outcomes.push({ text: t.id, sentence, verdict, explanation: claim?.explanation });
    }
  }
  return s;
}

/** Every perturbed true claim: how many come out supported (the answer must be none). */
export async function perturbedSupported(perturbations: Perturbation[], source: EvidenceSource): Promise<Perturbation[]> {
  const wrong: Perturbation[] = [];
  for (const p of perturbations) {
    const { claims } = await checkText(p.perturbed, source);
    if (claims.some((c) => c.verdict === 'supported')) wrong.push(p);
  }
  return wrong;
}

/** One detail of a claim changed: the `k`th variant, or undefined when the claim has no such detail. */
export type DetailChange = (text: string, k: number) => string | undefined;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const CITIES = [
  'Madrid',
  'Brussels',
  'Vilnius',
  'Washington',
  'Bucharest',
  'Kyiv',
  'London',
  'Paris',
  'Berlin',
  'Warsaw',
  'Riga',
  'Prague',
];

/** The details a perturbation changes: a year, a month, a city, a number. */
export const DETAIL_CHANGES: Record<string, DetailChange> = {
  year: (text, k) => {
    const m = /\b(19[5-9]\d|20[0-3]\d)\b/.exec(text);
    return m ? text.slice(0, m.index) + String(Number(m[1]) + (k % 9) + 1) + text.slice(m.index + 4) : undefined;
  },
  month: (text, k) => {
    const i = MONTHS.findIndex((m) => text.includes(m));
    return i < 0 ? undefined : text.replace(MONTHS[i]!, MONTHS[(i + (k % 11) + 1) % 12]!);
  },
  place: (text, k) => {
    const i = CITIES.findIndex((c) => new RegExp(`\\b(?:in|at) ${c}\\b`).test(text));
    return i < 0 ? undefined : text.replace(new RegExp(`\\b(in|at) ${CITIES[i]}\\b`), `$1 ${CITIES[(i + (k % 11) + 1) % 12]}`);
  },
  number: (text, k) => {
    // A count or an amount, not a year: "24 F-16s", "€2 billion", "300 soldiers"; a citation mark ("[1]") is no detail.
    const m =
      /(?<![\d.,\[-])(\d{1,3})(?![\d,.\]-]|\s*(?:January|February|March|April|May|June|July|August|September|October|November|December))\b/.exec(
        text,
      );
    return m ? text.slice(0, m.index) + String(Number(m[1]) + (k % 7) + 2) + text.slice(m.index + m[1]!.length) : undefined;
  },
};

/** Each sentence with each kind of detail changed once, where it has that detail. */
export function perturbationsOf(sentences: string[]): Perturbation[] {
  return sentences.flatMap((original) =>
    Object.entries(DETAIL_CHANGES).flatMap(([changed, change]) => {
      const perturbed = change(original, 0);
      return perturbed && perturbed !== original ? [{ original, perturbed, changed }] : [];
    }),
  );
}
