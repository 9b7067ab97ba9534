// Where the checker reads the record from. Two implementations: an in-memory one over a
// RecordSet (tests, evaluation, the shipped record) and one over a RecordStore.
import type { Agreement, Commitment, Delivery, EventRecord, Party } from '../domain/schemas.ts';

export interface EvidenceSource {
  parties(): Promise<Party[]>;
  agreements(): Promise<Agreement[]>;
  commitments(): Promise<Commitment[]>;
  deliveries(): Promise<Delivery[]>;
  /** Events containing any of the words, most relevant first. */
  candidateEvents(words: string[], limit: number): Promise<EventRecord[]>;
  /**
   * Actor names and texts the checker learns names and acronyms from, and the names of
   * events (title and aliases) it measures how distinctive a name is against, read once per source.
   * A large store may return a sample; names it leaves out are still matched as words.
   */
  lexiconSeed(): Promise<{ actors: string[]; texts: string[]; events: { id: string; names: string[]; actors: string[] }[] }>;
  /** Changes whenever the record does, so cached readings of it are dropped. */
  version(): Promise<string>;
}
