// "first", "only", "last", "second": claims of order, with who they are about. A record that
// says someone else was first, or that the subject was "one of six", disagrees with them.
import type { Action, ActionMention } from './find-actions.ts';
import type { EntityMention } from './gazetteer.ts';
import type { Token } from './tokenize.ts';

export type OrdinalKind = 'first' | 'second' | 'third' | 'only' | 'last';

export interface OrdinalMention {
  kind: OrdinalKind;
  start: number;
  end: number;
  /** Token index of the ordinal word. */
  at: number;
  /** Token range of the clause the ordinal is in. */
  clause: [number, number];
  /** The entity the order is claimed for: the first one named in the clause before the ordinal. */
  subject?: string[];
  /** Every entity named in the clause before the ordinal. */
  before: string[];
  /** Every entity named in the clause. */
  all: string[];
}

const KINDS: Record<string, OrdinalKind> = {
  first: 'first',
  inaugural: 'first',
  maiden: 'first',
  second: 'second',
  third: 'third',
  only: 'only',
  sole: 'only',
  last: 'last',
};
// "the first day of the summit" dates something; it does not rank it.
const NOT_RANKING =
  /^(?:day|days|week|month|year|half|quarter|time|times|reading|round|stage|phase|anniversary|deputy|lady|of|two|three|four|five|six|several|few)$/;
const LOCATIVE = /^(?:in|at)$/;
const DETERMINER = /^(?:the|its|his|her|their|our|whose|an?)$/;

/** Token ranges of clauses: split at ; : and at sentence ends. */
export function clauseOf(tokens: Token[], text: string, i: number): [number, number] {
  const boundary = (j: number) => /[;:]|[.!?]\s/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start));
  let a = i;
  while (a > 0 && !boundary(a)) a--;
  let b = i + 1;
  while (b < tokens.length && !boundary(b)) b++;
  return [a, b];
}

const idsIn = (mentions: EntityMention[], [a, b]: [number, number], before?: number) =>
  mentions.filter((m) => m.from >= a && m.to <= (before ?? b));

/**
 * The ids of the first noun phrase among the mentions: "the Ukrainian President Leonid Kuchma"
 * is one subject, the state and the person, when only capitalised title words stand between.
 */
function firstPhrase(mentions: EntityMention[], tokens: Token[], text: string): string[] | undefined {
  if (mentions.length === 0) return undefined;
  const ids = [...mentions[0]!.ids];
  for (let k = 1; k < mentions.length; k++) {
    const between = tokens.slice(mentions[k - 1]!.to, mentions[k]!.from);
    const gap = text.slice(tokens[mentions[k - 1]!.to - 1]!.end, tokens[mentions[k]!.from]!.start);
    if (!/^[\s\p{L}.]*$/u.test(gap) || !between.every((t) => /^\p{Lu}/u.test(t.text))) break;
    ids.push(...mentions[k]!.ids);
  }
  return ids;
}

export function findOrdinals(tokens: Token[], text: string, mentions: EntityMention[]): OrdinalMention[] {
  const found: OrdinalMention[] = [];
  tokens.forEach((t, i) => {
    const kind = KINDS[t.lower];
    if (!kind) return;
    const next = tokens[i + 1];
    if (next && NOT_RANKING.test(next.lower)) return;
    const prev = tokens[i - 1];
    const afterDeterminer = prev && (DETERMINER.test(prev.lower) || /['’]s$/.test(prev.text) || prev.lower === 's');
    // "only" and "last" rank only after a determiner ("the only partner"); otherwise they are adverbs.
    if ((kind === 'only' || kind === 'last') && !afterDeterminer) return;
    if (kind === 'second' && !afterDeterminer) return;
    const clause = clauseOf(tokens, text, i);
    // "In Washington on 24 April ..., Ukrainian President ...": a place where it happened is not who was first.
    const before = idsIn(mentions, clause, i).filter((m) => !LOCATIVE.test(tokens[m.from - 1]?.lower ?? ''));
    found.push({
      kind,
      start: t.start,
      end: t.end,
      at: i,
      clause,
      subject: firstPhrase(before, tokens, text),
      before: before.flatMap((m) => m.ids),
      all: idsIn(mentions, clause).flatMap((m) => m.ids),
    });
  });
  return found;
}

/** Where the words an ordinal ranks end: a few words on, before a break ("the first ... meeting"). */
export function rankedSpan(a: { text: string; tokens: Token[] }, at: number): { start: number; end: number } {
  const from = a.tokens[at]!.end;
  const to = a.tokens[Math.min(at + 6, a.tokens.length - 1)]!.end;
  const stop = a.text.slice(from, to).search(/[,;:.]/);
  return { start: from, end: stop < 0 ? to : from + stop };
}

/** The act an ordinal ranks: "first met", "the first ... meeting". */
export function rankedAct(a: { text: string; tokens: Token[]; actions: ActionMention[] }, at: number): Action | undefined {
  const span = rankedSpan(a, at);
  return a.actions.find((x) => x.start >= span.start && x.end <= span.end)?.action;
}
