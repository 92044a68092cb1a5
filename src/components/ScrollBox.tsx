import { useEffect, useRef, useState, type ReactNode } from 'react';

interface Props {
  /** Names the box for screen readers when it scrolls ("Visits table"). */
  label: string;
  className?: string;
  children: ReactNode;
}

/**
 * Wide content (a table, the A4 sheet) scrolls inside its own box so the page never scrolls
 * sideways on a phone or tablet (WCAG 2.2 1.4.10). Only while the content overflows is the
 * box a named, focusable region, so it can be scrolled from the keyboard without adding a
 * Tab stop where nothing scrolls.
 */
export function ScrollBox({ label, className = 'table-scroll', children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const check = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    check();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(check);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={box}
      className={className}
      {...(overflows ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {})}
    >
      {children}
    </div>
  );
}
