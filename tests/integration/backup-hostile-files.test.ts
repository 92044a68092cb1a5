/**
 * Files that are not what they claim: bytes that are not UTF-8, JSON cut off where engines
 * give no position, keys that reach a prototype, nesting meant to exhaust the parser. Each is
 * refused with where, and nothing is written.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { parseBackup, parseBackupBytes } from '../../src/db/backup/parse-backup';
import { expectFailure, expectOk, freshDatabase, readFixture } from './helpers';

beforeEach(freshDatabase);

const fixture = () => readFixture('dezocine-case.json');

describe('hostile or damaged backup files are refused, not altered', () => {
  it('refuses bytes that are not UTF-8 (a name in Latin-1), naming the byte', () => {
    const text = fixture().replace('"code": "DEZ-001"', '"code": "DEZ-001", "name": "Zoë"');
    const utf8 = new TextEncoder().encode(text);
    const at = text.indexOf('Zoë') + 2;
    // Latin-1 'ë' is the single byte 0xEB, which UTF-8 does not allow here.
    const latin1 = new Uint8Array([...utf8.slice(0, at), 0xeb, ...utf8.slice(at + 2)]);
    const failure = expectFailure(parseBackupBytes(latin1));
    expect(failure.reason).toBe(
      `The file is not valid UTF-8 text (byte ${at + 1} of ${latin1.length} is not UTF-8); nothing was read. Export it again from Trajectory, or save it as UTF-8.`,
    );
    expect(expectOk(parseBackupBytes(utf8)).patients).toHaveLength(1);
  });

  it.each<[string, string, string]>([
    ['cut off', '{\n  "format": "trajectory-backup",\n  "patients": [', 'line 3, column 16'],
    ['an unclosed text', '{\n  "format": "trajectory', 'line 2, column 13'],
    ['a stray comma', '{"a": [1, 2,]}', 'line 1, column 13'],
    ['text after the end', '{"a": 1}\n  x', 'line 2, column 3'],
  ])('names line and column when the JSON is %s', (_name, text, where) => {
    expect(expectFailure(parseBackup(text)).reason).toMatch(
      new RegExp(`^Not valid JSON: .*\\(${where}\\)\\.$`),
    );
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a key named %s', (key) => {
    const text = fixture().replace('"entry": {', `"entry": {\n "${key}": {"polluted": true},`);
    expect(expectFailure(parseBackup(text)).reason).toMatch(
      new RegExp(
        `^Not valid JSON: the key "${key}" is not allowed in a backup \\(line \\d+, column \\d+\\)\\.$`,
      ),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses deep nesting at once with a short message', () => {
    // Refused at the 33rd bracket (column 33): the other 399,967 characters are never
    // parsed. (Timings belong to the benchmark, not the suite.)
    const text = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(expectFailure(parseBackup(text)).reason).toBe(
      'Not valid JSON: nested more than 32 levels deep; no backup is (line 1, column 33).',
    );
  });
});
