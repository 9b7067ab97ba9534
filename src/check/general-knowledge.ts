// Loads the checker's general knowledge: countries, capitals and demonyms from the
// world-countries package, other cities and names of countries from data/general/places.json,
// words that name roles from data/general/roles.json.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildKnowledge, type CountryData, type GeneralKnowledge, type PlaceRow } from '../domain/check/knowledge.ts';

interface WorldCountry {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  demonyms?: { eng?: { m: string; f: string } };
}

const PLACES_FILE = fileURLToPath(new URL('../../data/general/places.json', import.meta.url));
const ROLES_FILE = fileURLToPath(new URL('../../data/general/roles.json', import.meta.url));

let knowledge: GeneralKnowledge | undefined;

export function generalKnowledge(): GeneralKnowledge {
  if (knowledge) return knowledge;
  const world = createRequire(import.meta.url)('world-countries/countries.json') as WorldCountry[];
  const countries: CountryData[] = world.map((c) => ({
    iso2: c.cca2,
    // Two-letter codes among the alternative spellings are left out: "IT" and "US" are words.
    names: [c.name.common, c.name.official, ...c.altSpellings.filter((s) => s.length > 3)],
    // "Washington D.C." is also plain "Washington", and that is the name it is known by.
    capitals: c.capital.map((name) => {
      const plain = name.replace(/,?\s*D\.?C\.?$/, '');
      return plain === name ? [name] : [plain, name];
    }),
    demonyms: c.demonyms?.eng ? [...new Set([c.demonyms.eng.m, c.demonyms.eng.f])] : [],
  }));
  const extra = JSON.parse(readFileSync(PLACES_FILE, 'utf8')) as { cities: PlaceRow[]; countries: PlaceRow[] };
  const roles = JSON.parse(readFileSync(ROLES_FILE, 'utf8')) as { words: string[] };
  knowledge = buildKnowledge(countries, extra.cities, extra.countries, roles.words);
  return knowledge;
}
