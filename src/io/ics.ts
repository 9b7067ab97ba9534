// Commitment deadlines as an iCalendar feed: one all-day event per commitment with a `due`
// date, on the last day of its span ("2024" is 31 December 2024), so a calendar shows the day
// by which the promise had to be kept. The UID is the commitment id, so re-importing the feed
// updates events instead of duplicating them.
import ical, { ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { describeTracked, type TrackedCommitment } from '../domain/commitment-status.ts';
import { dateSpan, todayIso } from '../domain/partial-date.ts';
import type { RecordStore } from '../store/record-store.ts';
import { addDays } from '../tracking/deadline-lists.ts';
import { listCommitmentsWithStatus } from '../tracking/tracked-commitments.ts';

export interface IcsOptions {
  partyNames?: ReadonlyMap<string, string>;
  /** DTSTAMP of every event: when the feed was generated. */
  now?: Date;
}

export const ICS_UID_DOMAIN = 'pactwatch';

function utcDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function dueNote(due: string): string {
  const span = dateSpan(due);
  return span.precision === 'day' ? `Due ${due}.` : `Due ${due}, so by ${span.end} at the latest.`;
}

export function renderIcs(items: readonly TrackedCommitment[], options: IcsOptions = {}): string {
  const name = (id: string) => options.partyNames?.get(id) ?? id;
  const calendar = ical({
    name: 'Pactwatch commitment deadlines',
    prodId: { company: 'Pactwatch', product: 'pactwatch', language: 'EN' },
  });
  for (const c of items) {
    if (c.deadline === null || !c.due) continue;
    const description = [
      c.description,
      '',
      dueNote(c.due),
      `Status: ${c.status}. ${describeTracked(c)}.`,
      c.provision ? `Provision: ${c.provision.ref}, agreement ${c.agreement_id}.` : `Agreement: ${c.agreement_id}.`,
      '',
      'Sources:',
      ...c.sources.map((s) => s.url),
    ].join('\n');
    calendar.createEvent({
      id: `${c.id}@${ICS_UID_DOMAIN}`,
      start: utcDay(c.deadline),
      end: utcDay(addDays(c.deadline, 1)),
      allDay: true,
      stamp: options.now ?? new Date(),
      summary: `[${c.status}] ${name(c.obligor)} → ${name(c.beneficiary)}: ${c.description}`,
      description,
      url: c.sources[0]?.url ?? null,
      categories: [{ name: c.area }, { name: c.status }],
      status: c.status === 'withdrawn' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      // A deadline does not make anyone busy.
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  return calendar.toString();
}

/** The feed for every commitment in the store (`GET /api/deadlines.ics`, `export --format ics`). */
export async function buildIcs(store: RecordStore, today: string = todayIso(), now: Date = new Date()): Promise<string> {
  const [items, parties] = await Promise.all([listCommitmentsWithStatus(store, {}, today), store.list('parties')]);
  return renderIcs(items, {
    partyNames: new Map(parties.map((p) => [p.id, p.name])),
    now,
  });
}
