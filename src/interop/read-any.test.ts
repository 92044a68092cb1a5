import { describe, expect, it } from 'vitest';
import { detectFormat } from './read-any';

describe('detectFormat', () => {
  it.each([
    ['{"resourceType":"Bundle"}', 'fhir'],
    ['\uFEFF  {\n', 'fhir'],
    ['record_id,redcap_event_name,visit_date\r\n', 'redcap'],
    ['# Trajectory CSV export\r\npatient_code,visit_date,scale,entry_mode,measure\r\n', 'long'],
    ['Patient;Date;HAMD17\r\n', 'wide'],
  ])('%j is %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });
});
