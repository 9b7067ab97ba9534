// Everything the checker reads from one piece of text, claim or record alike, so both sides
// are read by the same rules.
import type { Acronyms } from './acronyms.ts';
import { findActions, type Action, type ActionMention } from './find-actions.ts';
import { findAmounts, type Amount } from './find-amounts.ts';
import { findDates, type TextDate } from './find-dates.ts';
import { negatedTokens } from './find-negations.ts';
import { findOrdinals, findShared, type OrdinalMention, type SharedMention } from './find-ordinals.ts';
import { findPlaces, type PlaceMention } from './find-places.ts';
import { findRoles, type RoleMention } from './find-roles.ts';
import type { EntityMention, Gazetteer } from './gazetteer.ts';
import { isContentToken, tokenize, type Token } from './tokenize.ts';

export interface Lexicon {
  gazetteer: Gazetteer;
  acronyms: Acronyms;
}

/** A word, entity ("@ukraine") or action ("!sign") a text mentions; alternatives for ambiguous names. */
export interface Term {
  keys: string[];
  /** Token index where it occurs. */
  at: number;
  negated: boolean;
}

export interface TextAnalysis {
  text: string;
  tokens: Token[];
  mentions: EntityMention[];
  entities: Set<string>;
  dates: TextDate[];
  places: PlaceMention[];
  amounts: Amount[];
  actions: ActionMention[];
  actionSet: Set<Action>;
  ordinals: OrdinalMention[];
  shared: SharedMention[];
  roles: RoleMention[];
  /** Topic terms: content words, entities and actions, without the dates, places and amounts. */
  terms: Term[];
  /** Every key the text mentions, for quick overlap tests. */
  keys: Set<string>;
}

const inside = (t: { start: number; end: number }, spans: { start: number; end: number }[]) =>
  spans.some((s) => t.start >= s.start && t.end <= s.end);

export function analyzeText(text: string, lexicon: Lexicon): TextAnalysis {
  const tokens = tokenize(text);
  const mentions = lexicon.gazetteer.find(tokens);
  const dates = findDates(text);
  const places = findPlaces(tokens, text);
  const amounts = findAmounts(text, dates);
  const actions = findActions(text);
  const negated = negatedTokens(tokens, text);
  const ordinals = findOrdinals(tokens, text, mentions);
  const shared = findShared(tokens, text, mentions);
  const roles = findRoles(tokens, mentions, lexicon.gazetteer.entities);

  const terms: Term[] = [];
  const details = [...dates, ...places, ...amounts];
  const mentionAt = new Map(mentions.map((m) => [m.from, m]));
  for (let i = 0; i < tokens.length; i++) {
    const m = mentionAt.get(i);
    const t = tokens[i]!;
    const expansion = lexicon.acronyms.get(t.text);
    if (expansion) for (const s of expansion) terms.push({ keys: [s], at: i, negated: false });
    if (m) {
      if (!inside(m, places)) terms.push({ keys: m.ids.map((id) => '@' + id), at: i, negated: negated.has(i) });
      i = m.to - 1;
      continue;
    }
    if (inside(t, details) || !isContentToken(t)) continue;
    const action = actions.find((a) => t.start >= a.start && t.end <= a.end);
    // A phrase such as "took effect" is one act, so it counts once.
    if (action && terms.some((x) => x.keys[0] === '!' + action.action && tokens[x.at]!.start >= action.start)) continue;
    terms.push({ keys: action ? ['!' + action.action, t.stem] : [t.stem], at: i, negated: negated.has(i) });
  }
  const keys = new Set<string>();
  for (const term of terms) for (const k of term.keys) keys.add(k);
  for (const a of actions) keys.add('!' + a.action);
  // A word inside a counted phrase ("won the presidential run-off") is still a word the text has.
  for (const t of tokens) if (isContentToken(t) && actions.some((a) => t.start >= a.start && t.end <= a.end)) keys.add(t.stem);
  // A place is a detail to check in a claim, but in a record it is also part of the topic.
  for (const t of tokens) if (inside(t, places)) keys.add(t.stem);

  return {
    text,
    tokens,
    mentions,
    entities: new Set(mentions.flatMap((m) => m.ids)),
    dates,
    places,
    amounts,
    actions,
    actionSet: new Set(actions.map((a) => a.action)),
    ordinals,
    shared,
    roles,
    terms,
    keys,
  };
}
