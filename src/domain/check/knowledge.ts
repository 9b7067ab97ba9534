// General knowledge the checker reads text with: places (countries, capitals, other cities)
// and the demonyms of countries. It is about the world, not about any one record, and it
// arrives as data (a countries dataset and a places file) from the edge; this module only
// shapes it for look-ups.

export interface PlaceName {
  /** Canonical name, e.g. "Kyiv" for "Kiev". */
  name: string;
  /** ISO 3166 alpha-2 code of the country the place is in (or is). */
  country: string;
  isCountry: boolean;
}

export interface GeneralKnowledge {
  /** Lower-cased name, words joined by single spaces -> the place. */
  places: Map<string, PlaceName>;
  /** ISO alpha-2 -> demonyms, singular and plural ("Ukrainian", "Ukrainians"). */
  demonyms: Map<string, string[]>;
  /** ISO alpha-2 -> every name the country goes by ("United Kingdom", "Britain", "U.K."). */
  countryNames: Map<string, string[]>;
  /** Lower-cased words that name roles and offices ("heads", "ministers"), not things. */
  roles: Set<string>;
}

export interface CountryData {
  iso2: string;
  names: string[];
  /** Each capital: its canonical name first, then other spellings. */
  capitals: string[][];
  demonyms: string[];
}

/** [name, ISO alpha-2, other spellings] */
export type PlaceRow = [string, string, string[]?];

export const placeKey = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** A demonym and its plural where English makes one ("Ukrainians"; not "French", "Swiss"). */
function withPlural(demonym: string): string[] {
  return /(?:an|i|er)$/.test(demonym) ? [demonym, demonym + 's'] : [demonym];
}

export function buildKnowledge(
  countries: CountryData[],
  cities: PlaceRow[],
  countryNames: PlaceRow[] = [],
  roles: string[] = [],
): GeneralKnowledge {
  const places = new Map<string, PlaceName>();
  const demonyms = new Map<string, string[]>();
  const names = new Map<string, string[]>();
  const add = (name: string, place: PlaceName) => {
    if (place.isCountry && place.country) names.set(place.country, [...(names.get(place.country) ?? []), name]);
    const key = placeKey(name);
    // The first writer wins: a country's own name is not taken over by a city elsewhere.
    if (key && !places.has(key)) places.set(key, place);
  };
  for (const c of countries) {
    const name = c.names[0]!;
    for (const n of c.names) add(n, { name, country: c.iso2, isCountry: true });
    demonyms.set(c.iso2, [...new Set(c.demonyms.flatMap(withPlural))]);
  }
  for (const [alias, iso2] of countryNames) {
    const country = countries.find((c) => c.iso2 === iso2);
    if (country) add(alias, { name: country.names[0]!, country: iso2, isCountry: true });
  }
  for (const c of countries) {
    for (const [name, ...aliases] of c.capitals)
      for (const n of [name!, ...aliases]) add(n, { name: name!, country: c.iso2, isCountry: false });
  }
  for (const [name, iso2, aliases] of cities) {
    for (const n of [name, ...(aliases ?? [])]) add(n, { name, country: iso2, isCountry: false });
  }
  return { places, demonyms, countryNames: names, roles: new Set(roles.map((w) => w.toLowerCase())) };
}
