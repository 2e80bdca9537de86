import { useLayoutEffect, useState, type RefObject } from 'react';

/** Content-box size of an element, updated by a ResizeObserver (rounded to whole CSS pixels). */
export function useElementSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = (w: number, h: number) => {
      const width = Math.round(w);
      const height = Math.round(h);
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
    };
    const r = el.getBoundingClientRect();
    update(r.width, r.height);
    const ro = new ResizeObserver((entries) => {
      const e = entries[entries.length - 1];
      update(e.contentRect.width, e.contentRect.height);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}
