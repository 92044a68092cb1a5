import { describe, expect, it } from 'vitest';
import { checkAddress, checkDatabase, defaultAddress } from './address';

const origin = 'https://trajectory.clinic.example';

describe('the sync server address', () => {
  it('offers the proxy on the app’s own origin', () => {
    expect(defaultAddress(origin)).toBe('https://trajectory.clinic.example/couchdb');
  });

  it.each([
    ['https://trajectory.clinic.example/couchdb', 'https://trajectory.clinic.example/couchdb'],
    ['  https://trajectory.clinic.example/couchdb/ ', 'https://trajectory.clinic.example/couchdb'],
    ['https://trajectory.clinic.example/db/couch//', 'https://trajectory.clinic.example/db/couch'],
  ])('accepts %j as %j', (typed, saved) => {
    expect(checkAddress(typed, origin)).toEqual({ ok: true, value: saved });
  });

  it('refuses another origin, naming the app’s own and where the README explains', () => {
    const result = checkAddress('https://couch.clinic.example:6984', origin);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(`connects only to its own address, ${origin}`);
    expect(!result.ok && result.reason).toContain('Pointing the app at a real CouchDB');
  });

  it.each([
    ['', "Enter the sync server's address"],
    ['couch.clinic.example', 'is not a web address'],
    ['ftp://trajectory.clinic.example/couchdb', 'must start with http:// or https://'],
    ['https://trajectory.clinic.example/couchdb?x=1', 'must not have a ? or # part'],
  ])('refuses %j in plain words', (typed, words) => {
    const result = checkAddress(typed, origin);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(words);
  });
});

describe('the clinic database name', () => {
  it.each(['clinic', 'clinic-a', 'north_2024', 'a(b)+c$/d'])('accepts %j', (name) => {
    expect(checkDatabase(` ${name} `)).toEqual({ ok: true, value: name });
  });

  it.each([
    ['', "Enter the clinic's database name"],
    ['Clinic', 'is not one CouchDB allows'],
    ['1clinic', 'is not one CouchDB allows'],
    ['_users', 'is not one CouchDB allows'],
  ])('refuses %j', (name, words) => {
    const result = checkDatabase(name);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(words);
  });
});
