// Greedy lane packing in screen space, in one pass: each event takes the first lane where it
// and its whole label fit; failing that, the first lane where the event itself fits (a label
// that would then be cut short is hidden, shown on hover and focus instead); failing that it
// overflows into a counted cluster. So labels use the free vertical space before any is hidden.

export interface LaneInput {
  x0: number;
  x1: number;
  labelWidth: number;
}

export interface LaneResult {
  /** Lane per input, or -1 when it overflowed into a cluster. */
  lane: Int16Array;
  overflow: number;
}

const GAP = 6;

/** Items must be sorted by x0. */
export function assignLanes(items: readonly LaneInput[], lanes: number): LaneResult {
  const lane = new Int16Array(items.length);
  // Right edge of each lane's last mark, and of its label.
  const markEnd = new Float64Array(lanes).fill(-Infinity);
  const labelEnd = new Float64Array(lanes).fill(-Infinity);
  let overflow = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const right = Math.max(item.x1, item.x0 + 8);
    let placed = -1;
    for (let l = 0; l < lanes; l++) {
      if (labelEnd[l]! <= item.x0) {
        placed = l;
        break;
      }
    }
    if (placed < 0) {
      for (let l = 0; l < lanes; l++) {
        if (markEnd[l]! <= item.x0) {
          placed = l;
          break;
        }
      }
    }
    lane[i] = placed;
    if (placed < 0) {
      overflow++;
      continue;
    }
    markEnd[placed] = right + GAP;
    labelEnd[placed] = right + item.labelWidth + GAP;
  }
  return { lane, overflow };
}
