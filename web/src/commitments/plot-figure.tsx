// Renders an Observable Plot chart; Plot itself is loaded on first use, off the first page.
import { useEffect, useRef } from 'react';
import type * as Plot from '@observablehq/plot';

export type PlotModule = typeof Plot;

export function PlotFigure({ render, label }: { render: (plot: PlotModule, width: number) => Element; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let cancelled = false;
    const container = ref.current!;
    const draw = async () => {
      const plot = await import('@observablehq/plot');
      if (cancelled) return;
      const figure = render(plot, container.clientWidth || 480);
      // Plot adds an inline <style>, which the server's Content-Security-Policy forbids; the
      // same rules live in styles.css under .plot.
      for (const style of figure.querySelectorAll('style')) style.remove();
      container.replaceChildren(figure);
    };
    void draw();
    const observer = new ResizeObserver(() => void draw());
    observer.observe(container);
    return () => {
      cancelled = true;
      observer.disconnect();
    };
  }, [render]);
  return <div ref={ref} role="img" aria-label={label} className="plot" />;
}
