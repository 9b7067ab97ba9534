// Everything the checker reads from one piece of text, claim or record alike, so both sides
// are read by the same rules.
import type { Acronyms } from './acronyms.ts';
import { findActions, type ActionMention } from './find-actions.ts';
import { findAmounts, type Amount } from './find-amounts.ts';
import { findDates, type TextDate, type YearlessDay } from './find-dates.ts';
import { findOrdinals, type OrdinalMention } from './find-ordinals.ts';
import { findPlaces, type PlaceMention } from './find-places.ts';
import type { EntityMention, Gazetteer } from './gazetteer.ts';
import type { GeneralKnowledge } from './knowledge.ts';
import { tokenize, type Token } from './tokenize.ts';

export interface Lexicon {
  gazetteer: Gazetteer;
  acronyms: Acronyms;
  knowledge: GeneralKnowledge;
}

export interface TextAnalysis {
  text: string;
  tokens: Token[];
  mentions: EntityMention[];
  entities: Set<string>;
  dates: TextDate[];
  /** Days named without a year ("on January 16"): a detail to check, never a date to link by. */
  yearless: YearlessDay[];
  places: PlaceMention[];
  amounts: Amount[];
  actions: ActionMention[];
  ordinals: OrdinalMention[];
}

export function analyzeText(text: string, lexicon: Lexicon): TextAnalysis {
  const tokens = tokenize(text);
  const mentions = lexicon.gazetteer.find(tokens);
  const yearless: YearlessDay[] = [];
  const dates = findDates(text, yearless);
  return {
    text,
    tokens,
    mentions,
    entities: new Set(mentions.flatMap((m) => m.ids)),
    dates,
    yearless,
    places: findPlaces(tokens, text, lexicon.knowledge.places),
    amounts: findAmounts(text, dates),
    actions: findActions(text),
    ordinals: findOrdinals(tokens, text, mentions),
  };
}
