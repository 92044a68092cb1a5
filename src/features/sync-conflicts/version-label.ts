import type { SyncVersion } from '../../db/schema';

/** 'Dr Li on this device, 2026-12-02 16:06' from a version's author, device and clock. */
export function versionLabel(version: SyncVersion | undefined, thisDevice: string): string {
  if (!version) return 'not known';
  const where = version.device === thisDevice ? 'this device' : 'another device';
  const when = version.hlc.slice(0, 16).replace('T', ' ');
  return `${version.author} on ${where}${when ? `, ${when} UTC` : ''}`;
}
