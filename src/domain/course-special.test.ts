import { describe, expect, it } from 'vitest';
import { analyseCourse, type CourseInput } from './course';
import { HAMD17 } from './scales/hamd17';
import { MADRS } from './scales/madrs';
import { CGI_I } from './scales/cgi-i';
import { CGI_S } from './scales/cgi-s';

describe('review findings: relapse needs loss of response; CGI-I has no baseline; CGI-S no "no response"', () => {
  const pts = (totals: (number | null)[]): CourseInput[] =>
    totals.map((total, i) => ({
      id: `v${i}`,
      date: `2024-01-${String(i + 1).padStart(2, '0')}`,
      total,
    }));

  it('HAMD-17 36 → 18 → 18 → 19: 18 is still a 50 % response, so no relapse; 19 (47 %) and ≥ 16 is', () => {
    const course = analyseCourse(HAMD17, pts([36, 18, 18, 19]));
    expect(course.points.map((p) => p.status)).toEqual([
      'baseline',
      'response',
      'response',
      'relapse',
    ]);
    expect(course.events.relapse?.id).toBe('v3');
  });

  it('MADRS 50 → 25 → 24 stays a response although ≥ 22', () => {
    const course = analyseCourse(MADRS, pts([50, 25, 24]));
    expect(course.points.map((p) => p.status)).toEqual(['baseline', 'response', 'response']);
  });

  // Riedel 2010: CGI-I 1–2 (much or very much improved) = response; CGI-I rates change itself.
  it('CGI-I: every rating is judged on its own, the first one included; there is no baseline', () => {
    const course = analyseCourse(CGI_I, pts([1, 2, 6, null]));
    expect(course.baselineIndex).toBeNull();
    expect(course.points.map((p) => p.status)).toEqual([
      'response',
      'response',
      'no-response',
      'no-total',
    ]);
    expect(course.events.response?.id).toBe('v0');
    expect(course.points[0]?.change).toBeNull();
  });

  it('CGI-S (remission rule only): remission or plain "rated", never "no response"', () => {
    const course = analyseCourse(CGI_S, pts([5, 2, 1]));
    expect(course.points.map((p) => p.status)).toEqual(['baseline', 'rated', 'remission']);
    expect(course.events.remission?.id).toBe('v2');
  });
});
