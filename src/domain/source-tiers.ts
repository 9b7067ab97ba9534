// How much a source is worth, from the end of its host name: primary (governments,
// parliaments, intergovernmental bodies, official texts), reputable (established news and
// research), other, or denied (state propaganda outlets, content farms, spam mirrors). The
// table is data (data/source-tiers.json), read by the edges and passed in; a source's own
// `tier` overrides it.
//
// A key is a host suffix matched on whole labels ("nato.int" matches www.nato.int, not
// fakenato.int); `*` stands for any characters within one label ("gov.*" matches gov.pl,
// "pravda-*.com" matches pravda-en.com). The key with the most labels decides, a key without
// `*` before one with at the same length; a host no key matches is "other".
//
// An archive (the Wayback Machine, a library's web archive) is marked "archive" in the table: a
// copy it holds is worth what the page it copied is worth, so the tier is that of the URL
// embedded in the archive's address, and "other" when there is none.
//
// Records keep only the override; what the API and exports show is the effective tier on every
// source (withSourceTiers). An override equal to the table's tier says nothing the table does
// not, so writes and imports drop it (withoutRedundantTiers): a record fetched or exported with
// its tiers goes back in unchanged, and follows the table when the table is edited.
import { SOURCE_TIERS, type SourceTier } from './vocabulary.ts';

/** What a table entry may say: a tier, or that the host is an archive of other pages. */
type TableValue = SourceTier | 'archive';

interface TierRule {
  labels: RegExp[];
  tier: TableValue;
  wildcard: boolean;
  /** The key's last label as written ("*" in "gov.*"). */
  lastLabel: string;
}

export interface SourceTierTable {
  /**
   * The rules a host may match, by its last label (most specific first, as below), and those
   * for a last label no rule names: a search's page tiers 50 sources, and trying each of the
   * table's ~280 rules on each took a tenth of the request's time.
   */
  byLastLabel: Map<string, TierRule[]>;
  anyLastLabel: TierRule[];
}

const labelPattern = (label: string) => new RegExp(`^${label.split('*').map(escapeRegExp).join('[^.]*')}$`);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compiles `{suffix: tier}`; throws on a tier that is not one of SOURCE_TIERS or an empty key. */
export function compileTierTable(entries: Record<string, string>): SourceTierTable {
  const rules = Object.entries(entries).map(([suffix, tier]): TierRule => {
    const key = suffix
      .trim()
      .toLowerCase()
      .replace(/^\*?\./, '');
    if (!key || key.split('.').some((label) => label === '')) throw new Error(`"${suffix}" is not a host suffix`);
    if (tier !== 'archive' && !(SOURCE_TIERS as readonly string[]).includes(tier))
      throw new Error(`"${suffix}": "${tier}" is not one of ${SOURCE_TIERS.join(', ')}, archive`);
    const labels = key.split('.');
    return { labels: labels.map(labelPattern).reverse(), tier: tier as TableValue, wildcard: key.includes('*'), lastLabel: labels.pop()! };
  });
  // Most specific first: more labels, then exact before wildcard.
  rules.sort((a, b) => b.labels.length - a.labels.length || Number(a.wildcard) - Number(b.wildcard));
  const literal = new Set(rules.map((r) => r.lastLabel).filter((label) => !label.includes('*')));
  return {
    byLastLabel: new Map([...literal].map((label) => [label, rules.filter((r) => r.labels[0]!.test(label))])),
    anyLastLabel: rules.filter((r) => r.lastLabel.includes('*')),
  };
}

/**
 * A URL whose authority is a plain name (ASCII letters, digits, dots and hyphens, its last
 * label beginning with a letter): its host is the name in lower case, as the URL parser would
 * give it, without the parser's cost. Anything else (a port, user info, an IP address, escapes,
 * non-ASCII) goes through the parser.
 */
const PLAIN_HOST = /^https?:\/\/((?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*\.?)(?=[/?#]|$)/i;

function hostOf(url: string): string | null {
  const plain = PLAIN_HOST.exec(url);
  if (plain) return plain[1]!.toLowerCase().replace(/\.$/, '');
  try {
    return new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return null;
  }
}

/** The URL an archive's address holds ("https://web.archive.org/web/2009/http://nato.int/x" → "http://nato.int/x"). */
function archivedUrl(url: string): string | null {
  const at = url.slice(8).search(/https?:\/\//i);
  return at < 0 ? null : url.slice(8 + at);
}

/**
 * The tier the table gives a URL's host ("other" when no key matches or the URL has no host);
 * for an archive's copy, the tier of the page it copied.
 */
export function tableTier(url: string, table: SourceTierTable): SourceTier {
  const host = hostOf(url);
  if (!host) return 'other';
  const value = hostValue(host, table);
  if (value !== 'archive') return value;
  const original = archivedUrl(url);
  return original ? tableTier(original, table) : 'other';
}

/** Hosts remembered per table: a page's sources share a few hosts, and matching rules costs more than the lookup. */
const HOST_VALUES = new WeakMap<SourceTierTable, Map<string, TableValue>>();
const MAX_HOST_VALUES = 10_000;

/** What the table says of a host: its rule's tier or archive, "other" when no rule matches. */
function hostValue(host: string, table: SourceTierTable): TableValue {
  let known = HOST_VALUES.get(table);
  if (!known) HOST_VALUES.set(table, (known = new Map()));
  let value = known.get(host);
  if (value === undefined) {
    const labels = host.split('.').reverse();
    const rules = table.byLastLabel.get(labels[0]!) ?? table.anyLastLabel;
    value =
      rules.find((r) => r.labels.length <= labels.length && r.labels.every((pattern, i) => pattern.test(labels[i]!)))?.tier ?? 'other';
    if (known.size >= MAX_HOST_VALUES) known.clear();
    known.set(host, value);
  }
  return value;
}

/** The effective tier of a source: its override when set, else the table's. */
export function sourceTier(url: string, override: SourceTier | null | undefined, table: SourceTierTable): SourceTier {
  return override ?? tableTier(url, table);
}

/** Strongest first: primary, reputable, other, denied. */
export function compareTiers(a: SourceTier, b: SourceTier): number {
  return SOURCE_TIERS.indexOf(a) - SOURCE_TIERS.indexOf(b);
}

/** Sources strongest tier first, keeping the given order within a tier. */
export function strongestFirst<S extends { tier: SourceTier }>(sources: readonly S[]): S[] {
  return sources
    .map((source, i) => ({ source, i }))
    .sort((a, b) => compareTiers(a.source.tier, b.source.tier) || a.i - b.i)
    .map((entry) => entry.source);
}

type SourceLike = { url: string; tier?: SourceTier | null };

const isSourceList = (value: unknown): value is SourceLike[] =>
  Array.isArray(value) && value.every((s) => s !== null && typeof s === 'object' && typeof (s as SourceLike).url === 'string');

/**
 * Copies `value` (a record, a list of them, an API answer) with every `sources` list, at any
 * depth (breaches, offices, a commitment's deliveries), carrying each source's effective tier.
 */
export function withSourceTiers<T>(value: T, table: SourceTierTable): T {
  return mapSources(value, (sources) => sources.map((s) => ({ ...s, tier: sourceTier(s.url, s.tier, table) }))) as T;
}

/** `value` with overrides equal to the table's tier set to null; the same object when there are none. */
export function withoutRedundantTiers<T>(value: T, table: SourceTierTable): T {
  return mapSources(value, (sources) =>
    sources.some((s) => s.tier && s.tier === tableTier(s.url, table))
      ? sources.map((s) => (s.tier && s.tier === tableTier(s.url, table) ? { ...s, tier: null } : s))
      : sources,
  ) as T;
}

/** Rebuilds only the objects on the way to a changed `sources` list; the rest is shared. */
function mapSources(value: unknown, map: (sources: SourceLike[]) => SourceLike[]): unknown {
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item) => {
      const mapped = mapSources(item, map);
      if (mapped !== item) changed = true;
      return mapped;
    });
    return changed ? out : value;
  }
  if (value === null || typeof value !== 'object') return value;
  let out: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const mapped = key === 'sources' && isSourceList(item) ? map(item) : mapSources(item, map);
    if (mapped !== item) (out ??= { ...(value as Record<string, unknown>) })[key] = mapped;
  }
  return out ?? value;
}
