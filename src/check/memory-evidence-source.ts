// The record held in memory: for tests, the evaluation script and the shipped record.
import type { EventRecord, RecordSet } from '../domain/schemas.ts';
import { stem, tokenize } from '../domain/check/tokenize.ts';
import type { EvidenceSource } from './evidence-source.ts';

/** What an event is called: its title and its aliases, where the record has them. */
export const namesOf = (e: EventRecord & { aliases?: string[] }) => [e.title, ...(e.aliases ?? [])];

export function memoryEvidenceSource(records: Partial<RecordSet>): EvidenceSource {
  const events = records.events ?? [];
  // An inverted index of word stems, so a candidate search costs what the words cost.
  const index = new Map<string, number[]>();
  events.forEach((e, i) => {
    const stems = new Set(tokenize(`${e.title} ${e.summary} ${e.actors.join(' ')}`).map((t) => t.stem));
    for (const s of stems) {
      const list = index.get(s) ?? [];
      list.push(i);
      index.set(s, list);
    }
  });
  const version = String(Date.now());
  return {
    parties: async () => records.parties ?? [],
    agreements: async () => records.agreements ?? [],
    commitments: async () => records.commitments ?? [],
    deliveries: async () => records.deliveries ?? [],
    async candidateEvents(words, limit) {
      const score = new Map<number, number>();
      for (const s of new Set(words.map(stem))) {
        const hits = index.get(s);
        if (!hits) continue;
        const idf = Math.log(1 + events.length / hits.length);
        for (const i of hits) score.set(i, (score.get(i) ?? 0) + idf);
      }
      return [...score.entries()]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, limit)
        .map(([i]) => events[i]!);
    },
    lexiconSeed: async () => ({
      actors: events.flatMap((e) => e.actors),
      texts: [
        ...events.flatMap((e) => [e.title, e.summary]),
        ...(records.agreements ?? []).map((a) => a.title),
        ...(records.commitments ?? []).map((c) => c.description),
      ],
      events: events.map((e) => ({ id: e.id, names: namesOf(e), actors: e.actors })),
    }),
    version: async () => version,
  };
}
