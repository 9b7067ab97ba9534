// The record as a TimelineJS3 timeline (https://timeline.knightlab.com/docs/json-format.html):
// events, deliveries and commitment deadlines as slides, one group (row) per kind. TimelineJS
// renders headline and text as HTML, so every record field is escaped before it goes in.
import { describeTracked, type TrackedCommitment } from '../domain/commitment-status.ts';
import { compareDates, todayIso } from '../domain/partial-date.ts';
import type { Delivery, EventRecord, Source } from '../domain/schemas.ts';
import type { RecordStore } from '../store/record-store.ts';
import { listCommitmentsWithStatus } from '../tracking/tracked-commitments.ts';

export interface TimelineDate {
  year: number;
  month?: number;
  day?: number;
  display_date?: string;
}

export interface TimelineSlide {
  start_date: TimelineDate;
  text: { headline: string; text: string };
  group: string;
  unique_id: string;
  display_date?: string;
}

export interface TimelineJs {
  title: { text: { headline: string; text: string } };
  events: TimelineSlide[];
}

export interface TimelineInput {
  events: readonly EventRecord[];
  deliveries?: readonly Delivery[];
  commitments?: readonly TrackedCommitment[];
  partyNames?: ReadonlyMap<string, string>;
}

export const TIMELINE_GROUPS = {
  event: 'Events',
  delivery: 'Deliveries',
  deadline: 'Deadlines',
} as const;

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);

/** A partial date at its own precision: "2008" gives only a year, so TimelineJS shows "2008". */
export function timelineDate(date: string): TimelineDate {
  const [year, month, day] = date.split('-').map(Number);
  return {
    year: year!,
    ...(month !== undefined && { month }),
    ...(day !== undefined && { day }),
  };
}

function sourcesHtml(sources: readonly Source[]): string {
  const links = sources.map((s) => `<a href="${escapeHtml(s.url)}">${escapeHtml(s.title ?? new URL(s.url).hostname)}</a>`);
  return `<p>Sources: ${links.join(', ')}</p>`;
}

export function renderTimelineJs(input: TimelineInput): TimelineJs {
  const name = (id: string) => input.partyNames?.get(id) ?? id;
  // Each slide with the partial date it sorts by (plain string order is chronological).
  const slides: [string, TimelineSlide][] = input.events.map((e) => [
    e.date,
    {
      start_date: timelineDate(e.date),
      text: {
        headline: escapeHtml(e.title),
        text: `<p>${escapeHtml(e.summary)}</p>${sourcesHtml(e.sources)}`,
      },
      group: TIMELINE_GROUPS.event,
      unique_id: `event-${e.id}`,
    },
  ]);
  for (const d of input.deliveries ?? []) {
    slides.push([
      d.date,
      {
        start_date: timelineDate(d.date),
        text: {
          headline: escapeHtml(`Delivery: ${d.description}`),
          text: `<p>Commitment ${escapeHtml(d.commitment_id)}.</p>${sourcesHtml(d.sources)}`,
        },
        group: TIMELINE_GROUPS.delivery,
        unique_id: `delivery-${d.id}`,
      },
    ]);
  }
  for (const c of input.commitments ?? []) {
    if (c.deadline === null || !c.due) continue;
    // Placed on the last day it could be kept, but labelled as the record states it ("2024").
    slides.push([
      c.deadline,
      {
        start_date: {
          ...timelineDate(c.deadline),
          display_date: `Due ${c.due}`,
        },
        text: {
          headline: escapeHtml(`Due: ${name(c.obligor)} → ${name(c.beneficiary)}`),
          text: `<p>${escapeHtml(c.description)}</p><p>Status: ${c.status}. ${escapeHtml(describeTracked(c))}.</p>${sourcesHtml(c.sources)}`,
        },
        group: TIMELINE_GROUPS.deadline,
        unique_id: `deadline-${c.id}`,
      },
    ]);
  }
  slides.sort(([a, slideA], [b, slideB]) => compareDates(a, b) || slideA.unique_id.localeCompare(slideB.unique_id));
  return {
    title: {
      text: {
        headline: 'Pactwatch',
        text: '<p>Agreements, commitments and deliveries from the sourced record; every slide links its sources.</p>',
      },
    },
    events: slides.map(([, slide]) => slide),
  };
}

/** The whole record (`export --format timelinejs`). */
export async function buildTimelineJs(store: RecordStore, today: string = todayIso()): Promise<TimelineJs> {
  const [events, deliveries, commitments, parties] = await Promise.all([
    store.list('events'),
    store.list('deliveries'),
    listCommitmentsWithStatus(store, {}, today),
    store.list('parties'),
  ]);
  return renderTimelineJs({
    events,
    deliveries,
    commitments,
    partyNames: new Map(parties.map((p) => [p.id, p.name])),
  });
}
