// Greedy lane packing in screen space: each event (with its label) takes the first lane that
// is free at its left edge. When the lanes run out, the pass is repeated reserving no label
// room (labels then take whatever space is left before the next event in the lane); events
// that still do not fit overflow into a density strip.

export interface LaneInput {
  x0: number;
  x1: number;
  labelWidth: number;
}

export interface LaneResult {
  /** Lane per input, or -1 when it overflowed into the density strip. */
  lane: Int16Array;
  overflow: number;
}

const GAP = 6;

function pack(items: readonly LaneInput[], lanes: number, withLabels: boolean, out: Int16Array): number {
  const ends = new Float64Array(lanes).fill(-Infinity);
  let overflow = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const right = Math.max(item.x1, item.x0 + 8) + (withLabels ? item.labelWidth + GAP : GAP);
    let placed = -1;
    for (let l = 0; l < lanes; l++) {
      if (ends[l]! <= item.x0) {
        placed = l;
        ends[l] = right;
        break;
      }
    }
    out[i] = placed;
    if (placed < 0) overflow++;
  }
  return overflow;
}

/** Items must be sorted by x0. */
export function assignLanes(items: readonly LaneInput[], lanes: number): LaneResult {
  const lane = new Int16Array(items.length);
  const overflow = pack(items, lanes, true, lane);
  if (overflow === 0) return { lane, overflow };
  return { lane, overflow: pack(items, lanes, false, lane) };
}
