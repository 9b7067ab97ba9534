// One hue per event type, mid-tone so each reads on both the light and the dark background.
import type { EventType } from '../../../src/domain/vocabulary.ts';

export const TYPE_COLORS: Record<EventType, string> = {
  agreement: '#3b6fe0',
  summit: '#8b5cf6',
  decision: '#0e9aa7',
  law: '#d08c1a',
  application: '#e0533d',
  statement: '#64748b',
  programme: '#2f9e58',
  military: '#a0613a',
  other: '#94a3b8',
};

export const typeColor = (type: string) => TYPE_COLORS[type as EventType] ?? TYPE_COLORS.other;
