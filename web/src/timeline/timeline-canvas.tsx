// The timeline drawn on a canvas: only what is in view is laid out, once per animation frame,
// so panning stays smooth however many events the record holds. Event data comes in as props;
// the view (pan and zoom) lives in a ref and is reported upwards only once it settles.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { formatDate, useI18n } from '../i18n/i18n.tsx';
import { typeColor } from './colors.ts';
import { assignLanes, type LaneInput } from './lanes.ts';
import { axis, clampView, DAY, fullView, panView, zoomView, type View } from './time-scale.ts';

export interface TimelineItem {
  id: string;
  title: string;
  type: string;
  date: string;
  start: number;
  end: number;
  precision: 'year' | 'month' | 'day';
}

export interface YearCount {
  year: number;
  count: number;
}

interface Props {
  view: View;
  onViewChange: (view: View) => void;
  /** Sorted by start; empty in density mode. */
  items: readonly TimelineItem[];
  /** Events per year under the current filters: the overview strip, and the main area when crowded. */
  years: readonly YearCount[];
  crowded: boolean;
  selected: string | null;
  onSelect: (id: string) => void;
  /** Touch screens get touch wording. */
  touch?: boolean;
}

const AXIS_H = 38;
const ROW_H = 22;
const STRIP_H = 18;
/** A label cut shorter than this many characters is hidden instead (hover and focus show it). */
const MIN_LABEL_CHARS = 14;
/** Events that find no lane are counted in clusters this many pixels wide. */
const CLUSTER_PX = 30;
const OVERVIEW_H = 30;
const LABEL_MAX = 260;
const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const YEAR_MS = 365.25 * DAY;

interface Palette {
  fg: string;
  muted: string;
  grid: string;
  bg: string;
  surface: string;
  accent: string;
}

function readPalette(element: Element): Palette {
  const style = getComputedStyle(element);
  const v = (name: string) => style.getPropertyValue(name).trim();
  return { fg: v('--fg'), muted: v('--muted'), grid: v('--grid'), bg: v('--bg'), surface: v('--surface-2'), accent: v('--accent') };
}

interface Hit {
  id: string;
  x0: number;
  x1: number;
  y: number;
}

interface ClusterHit {
  x0: number;
  x1: number;
  y: number;
  items: TimelineItem[];
}

export interface OpenCluster {
  x: number;
  y: number;
  items: TimelineItem[];
}

/** Index of the first item whose start is >= t. */
function lowerBound(items: readonly TimelineItem[], t: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]!.start < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function TimelineCanvas({ view, onViewChange, items, years, crowded, selected, onSelect, touch = false }: Props) {
  const { t } = useI18n();
  const [cursor, setCursor] = useState<TimelineItem | null>(null);
  const [cluster, setCluster] = useState<OpenCluster | null>(null);
  const clusterRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const viewRef = useRef<View>(view);
  const drawRef = useRef<() => void>(() => {});
  const [hover, setHover] = useState<{ item: TimelineItem; x: number; y: number } | null>(null);

  // Everything the draw loop reads lives in one ref, so handlers bound once see fresh props.
  const state = useRef({
    items,
    years,
    crowded,
    selected,
    hover: null as string | null,
    cursor: null as string | null,
    focused: false,
    hits: [] as Hit[],
    clusters: [] as ClusterHit[],
    width: 0,
    height: 0,
  });
  state.current.items = items;
  state.current.years = years;
  state.current.crowded = crowded;
  state.current.selected = selected;

  const onViewChangeRef = useRef(onViewChange);
  onViewChangeRef.current = onViewChange;
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const setClusterRef = useRef(setCluster);
  setClusterRef.current = setCluster;

  const monthShort = (m: number) => new Intl.DateTimeFormat(t.locale, { month: 'short', timeZone: 'UTC' }).format(Date.UTC(2000, m, 1));
  const monthRef = useRef(monthShort);
  monthRef.current = monthShort;

  useEffect(() => {
    const canvas = canvasRef.current!;
    const ctx = canvas.getContext('2d')!;
    let palette = readPalette(canvas);
    let frame = 0;
    let settleTimer = 0;
    const labelCache = new Map<string, { width: number; fitted: Map<number, string> }>();

    const measure = (text: string) => {
      let hit = labelCache.get(text);
      if (!hit) labelCache.set(text, (hit = { width: ctx.measureText(text).width, fitted: new Map() }));
      return hit;
    };
    /** The text cut with an ellipsis to fit `room` pixels (in 20px steps so the cache stays small). */
    const fit = (text: string, room: number): string | null => {
      if (room < 60) return null;
      const m = measure(text);
      if (m.width <= room) return text;
      const bucket = Math.floor(room / 20) * 20;
      let cut = m.fitted.get(bucket);
      if (cut === undefined) {
        let lo = 0;
        let hi = text.length;
        while (lo < hi) {
          const mid = (lo + hi + 1) >>> 1;
          if (ctx.measureText(text.slice(0, mid) + '…').width <= bucket) lo = mid;
          else hi = mid - 1;
        }
        // Readable or hidden: a stub like "Pres…" says nothing.
        cut = lo >= MIN_LABEL_CHARS ? text.slice(0, lo).trimEnd() + '…' : '';
        m.fitted.set(bucket, cut);
      }
      return cut || null;
    };

    const draw = () => {
      frame = 0;
      const { width, height, items, years, crowded, selected, hover, cursor } = state.current;
      if (!width) return;
      const dpr = window.devicePixelRatio || 1;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, width, height);
      ctx.font = FONT;
      const v = viewRef.current;
      const k = width / (v.end - v.start);
      const sx = (ms: number) => (ms - v.start) * k;
      const mainTop = AXIS_H + 6;
      const mainBottom = height - OVERVIEW_H - STRIP_H - 8;

      // Grid and axis labels: years above months and days, so a zoomed view still says when.
      ctx.textBaseline = 'middle';
      const { ticks, context } = axis(v, width, 70, monthRef.current);
      const labelY = context.length ? AXIS_H - 10 : AXIS_H / 2;
      for (const tick of ticks) {
        const x = Math.round(sx(tick.at)) + 0.5;
        ctx.fillStyle = palette.grid;
        ctx.fillRect(x, tick.label ? AXIS_H - 6 : AXIS_H - 3, 1, mainBottom - AXIS_H + (tick.label ? 6 : 3));
        if (!tick.label) continue;
        ctx.fillStyle = tick.major ? palette.fg : palette.muted;
        ctx.fillText(tick.label, x + 4, labelY);
      }
      ctx.font = `600 ${FONT}`;
      ctx.fillStyle = palette.fg;
      for (let i = 0; i < context.length; i++) {
        const x = Math.max(2, sx(context[i]!.at) + 4);
        const next = context[i + 1];
        // The sticky year at the left edge gives way to the next one.
        if (next && sx(next.at) + 4 - x < 40) continue;
        ctx.fillText(context[i]!.label, x, 10);
      }
      ctx.font = FONT;
      ctx.fillStyle = palette.grid;
      ctx.fillRect(0, AXIS_H - 0.5, width, 1);
      const axisText = [...context, ...ticks]
        .map((tick) => tick.label)
        .filter(Boolean)
        .join('|');
      if (canvas.dataset.axis !== axisText) canvas.dataset.axis = axisText;

      const hits: Hit[] = [];
      const clusters: ClusterHit[] = [];
      if (crowded) {
        const max = Math.max(1, ...years.map((y) => y.count));
        const region = mainBottom - mainTop - 16;
        for (const { year, count } of years) {
          const x0 = sx(Date.UTC(year, 0, 1));
          const x1 = sx(Date.UTC(year + 1, 0, 1));
          if (x1 < 0 || x0 > width) continue;
          const h = Math.max(2, (count / max) * region);
          ctx.fillStyle = palette.accent;
          ctx.globalAlpha = 0.55;
          ctx.fillRect(x0 + 1, mainBottom - h, Math.max(1, x1 - x0 - 2), h);
          ctx.globalAlpha = 1;
          if (x1 - x0 > 34) {
            ctx.fillStyle = palette.muted;
            ctx.textAlign = 'center';
            ctx.fillText(count.toLocaleString(t.locale), (x0 + x1) / 2, mainBottom - h - 8);
            ctx.textAlign = 'left';
          }
        }
      } else {
        const first = lowerBound(items, v.start - YEAR_MS - DAY);
        const last = lowerBound(items, v.end);
        const visible: TimelineItem[] = [];
        const inputs: LaneInput[] = [];
        for (let i = first; i < last; i++) {
          const item = items[i]!;
          if (item.end < v.start) continue;
          visible.push(item);
          inputs.push({ x0: sx(item.start), x1: sx(item.end), labelWidth: Math.min(LABEL_MAX, measure(item.title).width) });
        }
        const laneCount = Math.max(1, Math.floor((mainBottom - mainTop) / ROW_H));
        const { lane } = assignLanes(inputs, laneCount);
        // Label room: up to the next event in the same lane.
        const room = new Float64Array(visible.length).fill(LABEL_MAX);
        const lastInLane = new Int32Array(laneCount).fill(-1);
        for (let i = 0; i < visible.length; i++) {
          const l = lane[i]!;
          if (l < 0) continue;
          const prev = lastInLane[l]!;
          if (prev >= 0) room[prev] = Math.min(LABEL_MAX, inputs[i]!.x0 - Math.max(inputs[prev]!.x1, inputs[prev]!.x0 + 8) - 10);
          lastInLane[l] = i;
        }
        const overflow = new Map<number, TimelineItem[]>();
        for (let i = 0; i < visible.length; i++) {
          const item = visible[i]!;
          const input = inputs[i]!;
          const l = lane[i]!;
          if (l < 0) {
            const col = Math.floor(Math.min(width, Math.max(0, input.x0)) / CLUSTER_PX);
            const members = overflow.get(col);
            if (members) members.push(item);
            else overflow.set(col, [item]);
            continue;
          }
          const y = mainTop + l * ROW_H + ROW_H / 2;
          const color = typeColor(item.type);
          const isSelected = item.id === selected;
          const isHover = item.id === hover || (item.id === cursor && state.current.focused);
          let right: number;
          if (item.precision === 'day') {
            ctx.beginPath();
            ctx.arc(input.x0 + 4, y, isSelected ? 5.5 : 4.5, 0, Math.PI * 2);
            ctx.fillStyle = color;
            ctx.fill();
            right = input.x0 + 10;
          } else {
            // A month or year is a span: a translucent bar with solid ends.
            const x1 = Math.max(input.x1, input.x0 + 8);
            ctx.fillStyle = color;
            ctx.globalAlpha = 0.28;
            ctx.fillRect(input.x0, y - 5, x1 - input.x0, 10);
            ctx.globalAlpha = 1;
            ctx.fillRect(input.x0, y - 5, 2, 10);
            ctx.fillRect(x1 - 2, y - 5, 2, 10);
            right = x1 + 4;
          }
          if (isSelected || isHover) {
            ctx.strokeStyle = palette.fg;
            ctx.lineWidth = 1.5;
            ctx.strokeRect(input.x0 - 3, y - 8, right - input.x0 + 2, 16);
          }
          const label = fit(item.title, Math.min(room[i]!, width - right - 4));
          let labelEnd = right;
          if (label) {
            ctx.fillStyle = isSelected ? palette.fg : palette.muted;
            if (isSelected) ctx.font = `600 ${FONT}`;
            ctx.fillText(label, right + 2, y);
            if (isSelected) ctx.font = FONT;
            labelEnd = right + 2 + measure(label).width;
          }
          hits.push({ id: item.id, x0: input.x0 - 3, x1: labelEnd, y });
        }
        // Events that found no lane: counted markers that open into a list.
        ctx.textAlign = 'center';
        ctx.font = `600 11px system-ui, sans-serif`;
        for (const [col, members] of overflow) {
          const cx = col * CLUSTER_PX + CLUSTER_PX / 2;
          const y = mainBottom + STRIP_H / 2 + 1;
          const label = `+${members.length}`;
          const w = Math.max(22, ctx.measureText(label).width + 10);
          ctx.fillStyle = palette.accent;
          ctx.beginPath();
          ctx.roundRect(cx - w / 2, y - 8, w, 16, 8);
          ctx.fill();
          ctx.fillStyle = palette.bg;
          ctx.fillText(label, cx, y + 0.5);
          clusters.push({ x0: cx - w / 2, x1: cx + w / 2, y, items: members });
        }
        ctx.textAlign = 'left';
        ctx.font = FONT;
      }
      state.current.hits = hits;
      state.current.clusters = clusters;
      // Where the clusters are, for tests and tools that cannot read a canvas.
      const clusterText = clusters.map((c) => `${Math.round((c.x0 + c.x1) / 2)},${Math.round(c.y)},${c.items.length}`).join(' ');
      if (canvas.dataset.clusters !== clusterText) canvas.dataset.clusters = clusterText;

      // Overview: the whole period with the current view as a brush.
      const all = fullView();
      const ok = width / (all.end - all.start);
      const top = height - OVERVIEW_H;
      ctx.fillStyle = palette.surface;
      ctx.fillRect(0, top, width, OVERVIEW_H);
      const max = Math.max(1, ...years.map((y) => y.count));
      ctx.fillStyle = palette.muted;
      for (const { year, count } of years) {
        const x0 = (Date.UTC(year, 0, 1) - all.start) * ok;
        const x1 = (Date.UTC(year + 1, 0, 1) - all.start) * ok;
        const h = Math.max(1, (count / max) * (OVERVIEW_H - 8));
        ctx.fillRect(x0 + 0.5, height - h - 2, Math.max(1, x1 - x0 - 1), h);
      }
      const bx0 = (v.start - all.start) * ok;
      const bx1 = Math.max(bx0 + 3, (v.end - all.start) * ok);
      ctx.fillStyle = palette.accent;
      ctx.globalAlpha = 0.18;
      ctx.fillRect(bx0, top, bx1 - bx0, OVERVIEW_H);
      ctx.globalAlpha = 1;
      ctx.strokeStyle = palette.accent;
      ctx.lineWidth = 1.5;
      ctx.strokeRect(bx0 + 0.75, top + 0.75, bx1 - bx0 - 1.5, OVERVIEW_H - 1.5);
    };

    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    drawRef.current = schedule;

    const setView = (next: View) => {
      viewRef.current = next;
      schedule();
      clearTimeout(settleTimer);
      settleTimer = window.setTimeout(() => onViewChangeRef.current(viewRef.current), 200);
    };

    const resize = () => {
      const rect = canvas.getBoundingClientRect();
      const dpr = window.devicePixelRatio || 1;
      state.current.width = rect.width;
      state.current.height = rect.height;
      canvas.width = Math.round(rect.width * dpr);
      canvas.height = Math.round(rect.height * dpr);
      draw();
    };
    const observer = new ResizeObserver(resize);
    observer.observe(canvas);

    const onTheme = () => {
      palette = readPalette(canvas);
      schedule();
    };
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', onTheme);
    window.addEventListener('pactwatch:theme', onTheme);

    const localX = (event: { clientX: number }) => event.clientX - canvas.getBoundingClientRect().left;
    const timeAt = (x: number) => viewRef.current.start + (x / state.current.width) * (viewRef.current.end - viewRef.current.start);
    const inOverview = (event: { clientY: number }) =>
      event.clientY - canvas.getBoundingClientRect().top > state.current.height - OVERVIEW_H;
    const centreOn = (x: number) => {
      const all = fullView();
      const at = all.start + (x / state.current.width) * (all.end - all.start);
      const span = viewRef.current.end - viewRef.current.start;
      setView(clampView({ start: at - span / 2, end: at + span / 2 }));
    };

    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const span = viewRef.current.end - viewRef.current.start;
      if (Math.abs(event.deltaX) > Math.abs(event.deltaY)) setView(panView(viewRef.current, (event.deltaX / state.current.width) * span));
      else setView(zoomView(viewRef.current, Math.exp(event.deltaY * 0.0015), timeAt(localX(event))));
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });

    // Pointers: one drags (or moves the overview brush), two pinch-zoom.
    const pointers = new Map<number, number>();
    let drag: { x: number; view: View; moved: boolean; overview: boolean } | null = null;
    let pinch: { distance: number; view: View } | null = null;
    const onDown = (event: PointerEvent) => {
      canvas.setPointerCapture(event.pointerId);
      pointers.set(event.pointerId, localX(event));
      if (pointers.size === 2) {
        const [a, b] = [...pointers.values()] as [number, number];
        pinch = { distance: Math.abs(a - b) || 1, view: viewRef.current };
        drag = null;
        return;
      }
      const overview = inOverview(event);
      drag = { x: localX(event), view: viewRef.current, moved: false, overview };
      if (overview) centreOn(localX(event));
    };
    const onMove = (event: PointerEvent) => {
      const x = localX(event);
      if (pointers.has(event.pointerId)) pointers.set(event.pointerId, x);
      if (pinch && pointers.size === 2) {
        const [a, b] = [...pointers.values()] as [number, number];
        const mid = (a + b) / 2;
        const anchor = pinch.view.start + (mid / state.current.width) * (pinch.view.end - pinch.view.start);
        setView(zoomView(pinch.view, pinch.distance / (Math.abs(a - b) || 1), anchor));
        return;
      }
      if (drag) {
        if (Math.abs(x - drag.x) > 3) drag.moved = true;
        if (drag.overview) centreOn(x);
        else if (drag.moved) {
          const span = drag.view.end - drag.view.start;
          setView(panView(drag.view, (-(x - drag.x) / state.current.width) * span));
        }
        return;
      }
      const y = event.clientY - canvas.getBoundingClientRect().top;
      const hit = hitAt(x, y);
      const id = hit?.id ?? null;
      const overCluster = !id && state.current.clusters.some((c) => x >= c.x0 - 2 && x <= c.x1 + 2 && Math.abs(y - c.y) <= 10);
      canvas.style.cursor = id || overCluster ? 'pointer' : 'grab';
      if (id !== state.current.hover) {
        state.current.hover = id;
        const item = id ? state.current.items.find((i) => i.id === id) : undefined;
        setHover(item && hit ? { item, x: hit.x0, y: hit.y } : null);
        schedule();
      }
    };
    const onUp = (event: PointerEvent) => {
      pointers.delete(event.pointerId);
      if (pointers.size < 2) pinch = null;
      if (drag && !drag.moved && !drag.overview) {
        const x = localX(event);
        const y = event.clientY - canvas.getBoundingClientRect().top;
        const hit = hitAt(x, y);
        if (hit) onSelectRef.current(hit.id);
        else {
          const group = state.current.clusters.find((c) => x >= c.x0 - 2 && x <= c.x1 + 2 && Math.abs(y - c.y) <= 10);
          if (group) setClusterRef.current({ x: group.x0, y: group.y, items: group.items });
        }
      }
      drag = null;
    };
    const onLeave = () => {
      if (state.current.hover) {
        state.current.hover = null;
        setHover(null);
        schedule();
      }
    };
    const hitAt = (x: number, y: number) => state.current.hits.find((h) => x >= h.x0 && x <= h.x1 && Math.abs(y - h.y) <= ROW_H / 2);
    canvas.addEventListener('pointerdown', onDown);
    canvas.addEventListener('pointermove', onMove);
    canvas.addEventListener('pointerup', onUp);
    canvas.addEventListener('pointercancel', onUp);
    canvas.addEventListener('pointerleave', onLeave);

    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(settleTimer);
      observer.disconnect();
      media.removeEventListener('change', onTheme);
      window.removeEventListener('pactwatch:theme', onTheme);
      canvas.removeEventListener('wheel', onWheel);
      canvas.removeEventListener('pointerdown', onDown);
      canvas.removeEventListener('pointermove', onMove);
      canvas.removeEventListener('pointerup', onUp);
      canvas.removeEventListener('pointercancel', onUp);
      canvas.removeEventListener('pointerleave', onLeave);
    };
  }, []);

  // A view from outside (back button, a year facet, a shared link) replaces the current one;
  // the URL keeps whole days, so differences under a day are our own rounding.
  useEffect(() => {
    const current = viewRef.current;
    if (Math.abs(current.start - view.start) > DAY || Math.abs(current.end - view.end) > DAY) {
      viewRef.current = view;
      drawRef.current();
    }
  }, [view.start, view.end]);

  useEffect(() => drawRef.current(), [items, years, crowded, selected, t]);

  const step = (factor: number) => {
    const v = viewRef.current;
    viewRef.current = zoomView(v, factor, (v.start + v.end) / 2);
    drawRef.current();
    onViewChange(viewRef.current);
  };
  /** Moves the keyboard cursor to the next or previous event, bringing it into view. */
  const moveCursor = (direction: 1 | -1) => {
    const list = state.current.items;
    if (list.length === 0) return false;
    const v = viewRef.current;
    const current = state.current.cursor ? list.findIndex((i) => i.id === state.current.cursor) : -1;
    let next: number;
    if (current >= 0) next = Math.min(list.length - 1, Math.max(0, current + direction));
    else {
      const first = list.findIndex((i) => i.end > v.start && i.start < v.end);
      if (first < 0) next = direction > 0 ? lowerBound(list, v.start) : lowerBound(list, v.start) - 1;
      else if (direction > 0) next = first;
      else {
        let last = first;
        while (last + 1 < list.length && list[last + 1]!.start < v.end) last++;
        next = last;
      }
      next = Math.min(list.length - 1, Math.max(0, next));
    }
    const item = list[next]!;
    state.current.cursor = item.id;
    setCursor(item);
    if (item.start < v.start || item.start > v.end) {
      const span = v.end - v.start;
      viewRef.current = clampView({ start: item.start - span / 2, end: item.start + span / 2 });
      onViewChange(viewRef.current);
    }
    drawRef.current();
    return true;
  };
  const onKey = (event: KeyboardEvent) => {
    const v = viewRef.current;
    const span = v.end - v.start;
    if ((event.key === 'ArrowLeft' || event.key === 'ArrowRight') && !event.shiftKey && !state.current.crowded) {
      if (moveCursor(event.key === 'ArrowRight' ? 1 : -1)) {
        event.preventDefault();
        return;
      }
    }
    if ((event.key === 'Enter' || event.key === ' ') && state.current.cursor) {
      event.preventDefault();
      onSelect(state.current.cursor);
      return;
    }
    const moves: Record<string, () => View> = {
      ArrowLeft: () => panView(v, -span * (event.shiftKey ? 0.5 : 0.15)),
      ArrowRight: () => panView(v, span * (event.shiftKey ? 0.5 : 0.15)),
      '+': () => zoomView(v, 0.6, (v.start + v.end) / 2),
      '=': () => zoomView(v, 0.6, (v.start + v.end) / 2),
      '-': () => zoomView(v, 1 / 0.6, (v.start + v.end) / 2),
      Home: () => fullView(),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    viewRef.current = move();
    drawRef.current();
    onViewChange(viewRef.current);
  };

  const reset = () => {
    viewRef.current = fullView();
    drawRef.current();
    onViewChange(viewRef.current);
  };
  return (
    <div className="timeline-canvas">
      <div className="timeline-bar">
        <span className="muted small">{touch ? t.timeline.touchHint : t.timeline.hint}</span>
        <button type="button" className="icon" onClick={() => step(0.5)} aria-label={t.timeline.zoomIn} title={t.timeline.zoomIn}>
          +
        </button>
        <button type="button" className="icon" onClick={() => step(2)} aria-label={t.timeline.zoomOut} title={t.timeline.zoomOut}>
          −
        </button>
        <button type="button" className="small" onClick={reset}>
          {t.timeline.reset}
        </button>
      </div>
      <div className="timeline-stage">
        <canvas
          ref={canvasRef}
          tabIndex={0}
          role="img"
          aria-label={t.timeline.canvasLabel}
          onKeyDown={onKey}
          onFocus={() => {
            state.current.focused = true;
            drawRef.current();
          }}
          onBlur={() => {
            state.current.focused = false;
            setCursor((c) => c);
            drawRef.current();
          }}
          data-testid="timeline-canvas"
          data-cursor={cursor?.id}
        />
        {hover && (
          <div className="timeline-tooltip" style={{ left: Math.max(0, hover.x), top: hover.y + 14 }} aria-hidden="true">
            {hover.item.title}
          </div>
        )}
        {!hover && cursor && <CursorTooltip item={cursor} view={viewRef.current} hits={state.current.hits} />}
        <p className="visually-hidden" aria-live="polite">
          {cursor ? t.timeline.focused(cursor.title, formatDate(cursor.date, t)) : ''}
        </p>
        {cluster && (
          <div
            className="cluster-list card"
            role="dialog"
            aria-label={t.timeline.cluster(cluster.items.length, formatDate(cluster.items[0]!.date, t))}
            ref={clusterRef}
            style={{ left: Math.max(0, Math.min(cluster.x, (state.current.width || 400) - 320)), bottom: 52 }}
            onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), setCluster(null), canvasRef.current?.focus())}
            data-testid="cluster-list"
          >
            <div className="cluster-head">
              <strong>{t.timeline.cluster(cluster.items.length, formatDate(cluster.items[0]!.date, t))}</strong>
              <button type="button" className="icon" aria-label={t.event.close} onClick={() => setCluster(null)} autoFocus>
                ×
              </button>
            </div>
            <ol>
              {cluster.items.slice(0, 100).map((item) => (
                <li key={item.id}>
                  <button
                    type="button"
                    className="event-row"
                    onClick={() => {
                      setCluster(null);
                      onSelect(item.id);
                    }}
                  >
                    <time dateTime={item.date}>{formatDate(item.date, t)}</time>
                    <span className="type-dot" style={{ background: typeColor(item.type) }} aria-hidden="true" />
                    <span className="event-title">{item.title}</span>
                  </button>
                </li>
              ))}
            </ol>
          </div>
        )}
      </div>
    </div>
  );
}

/** The keyboard cursor's title beside its mark, for labels that were hidden for lack of room. */
function CursorTooltip({ item, hits }: { item: TimelineItem; view: View; hits: readonly Hit[] }) {
  const hit = hits.find((h) => h.id === item.id);
  if (!hit) return null;
  return (
    <div className="timeline-tooltip" style={{ left: Math.max(0, hit.x0), top: hit.y + 14 }} aria-hidden="true">
      {item.title}
    </div>
  );
}
