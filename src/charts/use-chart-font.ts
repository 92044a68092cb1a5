import { useEffect, useState } from 'react';
import { CHART_FONT_FAMILY } from './chart-style';

/**
 * True once the chart font can be drawn. A canvas draws its text once, in whatever font is
 * loaded at that moment, and never redraws when a web font arrives later; a chart drawn
 * before the font loaded would print in the computer's fallback font, with other widths.
 * Where the browser has no font loading API (jsdom, very old browsers) there is nothing to
 * wait for.
 */
export function useChartFontReady(): boolean {
  const fonts = typeof document === 'undefined' ? undefined : document.fonts;
  const spec = `400 12px ${CHART_FONT_FAMILY}`;
  const [ready, setReady] = useState(() => !fonts || safeCheck(fonts, spec));
  useEffect(() => {
    if (ready || !fonts) return;
    let live = true;
    // A failed load (offline before the first cache fill) still draws, in the fallback.
    const done = () => {
      if (live) setReady(true);
    };
    fonts.load(spec).then(done, done);
    return () => {
      live = false;
    };
  }, [fonts, ready, spec]);
  return ready;
}

function safeCheck(fonts: FontFaceSet, spec: string): boolean {
  try {
    return fonts.check(spec);
  } catch {
    return true;
  }
}
