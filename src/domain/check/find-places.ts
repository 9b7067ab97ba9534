// Places where something happened: a known place name after "in", "at", "near", or after a
// visit ("visited Kyiv", "visit to Kyiv"), or naming a gathering ("the Warsaw summit"). A
// place name used as a modifier ("the Budapest Memorandum", "the Tallinn centre") is not
// after a locative word, so it is not returned.
import { placeKey, type PlaceName } from './knowledge.ts';
import type { Token } from './tokenize.ts';

export interface PlaceMention {
  /** Canonical name, e.g. "Kyiv" for "Kiev". */
  name: string;
  /** ISO 3166 code of the country the place is in (or is), when known. */
  country?: string;
  isCountry: boolean;
  start: number;
  end: number;
}

const LOCATIVE = new Set(['in', 'at', 'near', 'outside']);
const VISIT = /^(?:visit|trip|travel|flew|fly|arriv|return)/;
const GATHERING = new Set(['summit', 'conference', 'meeting', 'talks', 'ministerial', 'declaration', 'communique', 'summit-level']);
const SKIPPABLE = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'central', 'western', 'eastern', 'northern', 'southern']);

/** How far before "to" a visit may stand: "his first foreign visit as president to Paris". */
const VISIT_REACH = 6;

function visitBefore(tokens: Token[], text: string, to: number): boolean {
  for (let k = to - 1; k >= Math.max(0, to - VISIT_REACH); k--) {
    if (/[.;:,]/.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start))) return false;
    if (VISIT.test(tokens[k]!.stem)) return true;
  }
  return false;
}

/** Looks up a place name at token i; returns the place and how many tokens it spans. */
function placeAt(tokens: Token[], i: number, places: Map<string, PlaceName>): [PlaceName, number] | undefined {
  for (let n = Math.min(3, tokens.length - i); n >= 1; n--) {
    const slice = tokens.slice(i, i + n);
    if (!/^\p{Lu}/u.test(slice[0]!.text)) return undefined;
    const p = places.get(slice.map((t) => t.lower).join(' '));
    if (p) return [p, n];
  }
  return undefined;
}

export function findPlaces(tokens: Token[], text: string, places: Map<string, PlaceName>): PlaceMention[] {
  const found: PlaceMention[] = [];
  const push = (p: PlaceName, from: number, n: number) => {
    const start = tokens[from]!.start;
    if (found.some((f) => f.start === start)) return;
    found.push({ name: p.name, country: p.country, isCountry: p.isCountry, start, end: tokens[from + n - 1]!.end });
  };
  for (let i = 0; i < tokens.length; i++) {
    const hit = placeAt(tokens, i, places);
    if (!hit) continue;
    const [place, n] = hit;
    // A modifier is a name directly followed by a capitalised word or a noun that is not a gathering.
    const next = tokens[i + n];
    const gap = next ? text.slice(tokens[i + n - 1]!.end, next.start) : '';
    const nextIsGathering = next && /^\s+$/.test(gap) && GATHERING.has(next.lower);
    let j = i - 1;
    while (j >= 0 && SKIPPABLE.has(tokens[j]!.lower)) j--;
    const prev = j >= 0 ? tokens[j]! : undefined;
    const prevText = prev ? text.slice(prev.end, tokens[i]!.start) : '';
    const locative =
      prev &&
      !/[.;:]/.test(prevText) &&
      (LOCATIVE.has(prev.lower) || (prev.lower === 'to' && visitBefore(tokens, text, j)) || VISIT.test(prev.stem));
    // "in Washington Post" names something else; "in Tallinn voted" is still a place.
    const modifier = next && /^\s+$/.test(gap) && !nextIsGathering && /^\p{Lu}/u.test(next.text) && !placeAt(tokens, i + n, places);
    if (nextIsGathering || (locative && !modifier)) {
      push(place, i, n);
      // "in Wiesbaden, Germany": the country that follows belongs to the same place.
      const after = tokens[i + n];
      if (after && /^,\s*$/.test(text.slice(tokens[i + n - 1]!.end, after.start))) {
        const country = placeAt(tokens, i + n, places);
        if (country && country[0].isCountry) push(country[0], i + n, country[1]);
      }
    }
    i += n - 1;
  }
  return found;
}

/** The canonical place for a free-text place field such as "Washington, D.C.". */
export function placeFromField(field: string, places: Map<string, PlaceName>): PlaceName | undefined {
  return places.get(placeKey(field)) ?? places.get(placeKey(field.split(',')[0]!));
}
