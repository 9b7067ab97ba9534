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

export const COMMITMENT_STATUSES = ['pending', 'in-progress', 'fulfilled', 'overdue', 'withdrawn', 'breached'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** A period of a recurring commitment has no withdrawal or breach of its own. */
export type PeriodStatus = Exclude<CommitmentStatus, 'withdrawn' | 'breached'>;

/** Whether the record holds any delivery for a commitment, and whether they complete it. */
export const EVIDENCE_LEVELS = ['none', 'partial', 'full'] as const;
export type Evidence = (typeof EVIDENCE_LEVELS)[number];

/** allocated: budgeted, contracted or announced as a package; delivered: disbursed, handed over, held. */
export const DELIVERY_STAGES = ['allocated', 'delivered'] as const;
export type DeliveryStage = (typeof DELIVERY_STAGES)[number];

/** How much a source is worth, strongest first (source-tiers.ts). */
export const SOURCE_TIERS = ['primary', 'reputable', 'other', 'denied'] as const;
export type SourceTier = (typeof SOURCE_TIERS)[number];

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
