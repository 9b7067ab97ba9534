// The closed vocabularies of the public contract (CONTRACT.md, "Data").

export const AREAS = [
  'political-dialogue',
  'defence-reform',
  'military-operational',
  'information-exchange',
  'training-exercises',
  'operations-missions',
  'equipment-infrastructure',
  'cybersecurity',
  'democracy-rule-of-law',
  'security-assistance',
  'membership',
  'defence-industry',
  'financial-support',
  'humanitarian',
  'sanctions',
  'reconstruction',
] as const;
export type Area = (typeof AREAS)[number];

export const EVENT_TYPES = [
  'agreement',
  'summit',
  'decision',
  'law',
  'application',
  'statement',
  'programme',
  'military',
  'other',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const PARTY_KINDS = ['state', 'organisation', 'person', 'body'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const COMMITMENT_STATUSES = ['pending', 'in-progress', 'fulfilled', 'overdue', 'withdrawn'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** The kinds of record, in the order an import must write them so references resolve. */
export const RECORD_KINDS = ['parties', 'events', 'agreements', 'commitments', 'deliveries'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** The order CONTRACT.md lists the kinds in, used by exports. */
export const CONTRACT_KIND_ORDER = [
  'events',
  'parties',
  'agreements',
  'commitments',
  'deliveries',
] as const satisfies readonly RecordKind[];
