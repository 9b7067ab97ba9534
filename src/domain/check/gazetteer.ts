// Names of parties and persons in running text. Built from the registry (names, aliases,
// Ukrainian names), from event actors that are not in the registry (with a surname alias
// for people), and from demonyms, so "Kyiv", "Ukrainian" and "Ukraine" all resolve to one id.
import type { Party } from '../schemas.ts';
import type { PartyKind } from '../vocabulary.ts';
import { tokenize, type Token } from './tokenize.ts';

export interface Entity {
  id: string;
  name: string;
  kind: PartyKind;
  /** Offices a person held, as the record gives them: "President" of Ukraine from 2019-05-20. */
  offices?: { title: string; of: string; from: string | null; to: string | null }[];
}

export interface EntityMention {
  ids: string[];
  start: number;
  end: number;
  /** Index of the first and one past the last token. */
  from: number;
  to: number;
}

export interface Gazetteer {
  entities: Map<string, Entity>;
  find(tokens: Token[]): EntityMention[];
  /** The ids a whole name stands for (an id, a name or an alias); empty when unknown. */
  resolve(name: string): string[];
  /** Entities a name is made of: the "NATO-Ukraine Commission" involves NATO and Ukraine. */
  parts(id: string): string[];
}

const ORGANISATION_WORDS =
  /\b(?:Council|Commission|Court|Centre|Center|Regiment|Group|Agency|Office|Ministry|Parliament|Assembly|Union|Organi[sz]ation|Committee|Command|Forces?|Fund|Bank|Party|Government|Cabinet|Republic|Kingdom)\b/;

const OFFICE = /\b(?:President|Secretary|General|Minister|Chancellor|Speaker|Chair(?:man)?|King|Queen)\b/i;

/** Guesses the kind of an actor name that is not in the registry. */
function guessKind(name: string): PartyKind {
  if (ORGANISATION_WORDS.test(name)) return 'body';
  const words = name.split(/\s+/);
  if (words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}/u.test(w) || /^(?:de|van|von|der|al)$/.test(w)))
    return 'person';
  return 'organisation';
}

export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const key = (tokens: Token[]) => tokens.map((t) => t.lower).join(' ');
const MAX_WORDS = 10;

export function buildGazetteer(
  parties: Party[],
  actorNames: Iterable<string> = [],
  demonyms: Map<string, string[]> = new Map(),
  countryNames: Map<string, string[]> = new Map(),
): Gazetteer {
  const entities = new Map<string, Entity>();
  // phrase -> ids; `exact` phrases must match case (acronyms, one-word names that are also words)
  const phrases = new Map<string, { ids: Set<string>; exact?: string }>();
  const add = (phrase: string, id: string) => {
    const tokens = tokenize(phrase);
    if (tokens.length === 0 || tokens.length > MAX_WORDS) return;
    const k = key(tokens);
    const entry = phrases.get(k) ?? { ids: new Set<string>() };
    if (tokens.length === 1 && /^\p{Lu}/u.test(phrase)) entry.exact = tokens[0]!.text;
    entry.ids.add(id);
    phrases.set(k, entry);
  };
  const surname = (name: string, id: string) => {
    const words = name.split(/\s+/);
    if (words.length >= 2) add(words[words.length - 1]!, id);
  };
  const resolve = (name: string) => phrases.get(key(tokenize(name)))?.ids;

  for (const p of parties) {
    entities.set(p.id, {
      id: p.id,
      name: p.name,
      kind: p.kind,
      offices: p.offices?.map((o) => ({ title: o.title, of: o.of, from: o.from, to: o.to })),
    });
    // An office ("NATO Secretary General") names whoever held it at the time, not one person.
    const aliases = p.kind === 'person' ? p.aliases.filter((a) => !OFFICE.test(a)) : p.aliases;
    for (const n of [p.name, p.name_uk, ...aliases]) if (n) add(n, p.id);
    if (p.kind === 'person') surname(p.name, p.id);
    for (const d of (p.iso2 && demonyms.get(p.iso2)) || []) add(d, p.id);
    // A state goes by every name its country has ("the U.K.", "Britain"), whatever the record lists.
    if (p.kind === 'state') for (const n of (p.iso2 && countryNames.get(p.iso2)) || []) add(n, p.id);
  }
  // "Ukrainian parliament" is also written "Ukraine's parliament" (the possessive is dropped).
  for (const p of parties) {
    for (const n of [p.name, ...p.aliases]) {
      for (const [iso2, names] of demonyms) {
        const country = parties.find((c) => c.iso2 === iso2);
        const demonym = country && names.find((d) => n.startsWith(d + ' '));
        if (country && demonym) add(country.name + n.slice(demonym.length), p.id);
      }
    }
  }
  for (const name of actorNames) {
    if (resolve(name)) continue;
    const id = slug(name);
    if (!id || entities.has(id)) continue;
    const kind = guessKind(name);
    entities.set(id, { id, name, kind });
    add(name, id);
    if (kind === 'person') surname(name, id);
  }

  const parts = new Map<string, string[]>();
  for (const e of entities.values()) {
    if (e.kind === 'person') continue;
    const tokens = tokenize(e.name);
    const inside = new Set<string>();
    for (let i = 0; i < tokens.length; i++) {
      for (let n = Math.min(MAX_WORDS, tokens.length - i); n >= 1; n--) {
        if (n === tokens.length) continue;
        for (const id of phrases.get(key(tokens.slice(i, i + n)))?.ids ?? []) if (id !== e.id) inside.add(id);
      }
    }
    if (inside.size) parts.set(e.id, [...inside]);
  }

  return {
    entities,
    parts: (id) => parts.get(id) ?? [],
    resolve(name) {
      if (entities.has(name)) return [name];
      return [...(resolve(name) ?? [])];
    },
    find(tokens) {
      const mentions: EntityMention[] = [];
      for (let i = 0; i < tokens.length;) {
        let matched = 0;
        for (let n = Math.min(MAX_WORDS, tokens.length - i); n >= 1; n--) {
          const slice = tokens.slice(i, i + n);
          const entry = phrases.get(key(slice));
          if (!entry) continue;
          if (n === 1 && entry.exact) {
            const t = slice[0]!.text.replace(/['’]s$/, '');
            const acronym = entry.exact.length <= 4 && entry.exact === entry.exact.toUpperCase();
            if (acronym ? t !== entry.exact : !/^\p{Lu}/u.test(t)) continue;
          }
          mentions.push({ ids: [...entry.ids], start: slice[0]!.start, end: slice[n - 1]!.end, from: i, to: i + n });
          matched = n;
          break;
        }
        i += matched || 1;
      }
      return mentions;
    },
  };
}
