import { useEffect } from 'react';

/** A CSS string literal: quotes, backslashes and line breaks escaped (CSS Syntax 3, §4.3.5). */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ')}"`;
}

/** The running head of every printed page: whose summary it is, so a loose page finds its file. */
export function pageMarginRule(patientCode: string, printedOn: string): string {
  return `@page { @top-right { content: ${cssString(`${patientCode} · Patient summary · printed ${printedOn}`)}; font: 7pt 'Trajectory Sans', sans-serif; color: #444; } }`;
}

/**
 * Adds the running head while the print page is open. A constructed style sheet, because the
 * Content Security Policy allows no inline <style>, and a static rule cannot know the code.
 * Browsers without constructable sheets (jsdom) print without the running head.
 */
export function usePageMargin(patientCode: string, printedOn: string): void {
  useEffect(() => {
    if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
    let sheet: CSSStyleSheet;
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(pageMarginRule(patientCode, printedOn));
    } catch {
      return;
    }
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [patientCode, printedOn]);
}
