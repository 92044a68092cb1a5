export function freePort(host?: string): Promise<number>;
export function startSyncServer(options?: {
  port?: number;
  admin?: string;
  host?: string;
  /** Keep the databases on disk in this folder (survives a stop; start again to resume). */
  dir?: string;
}): Promise<{
  url: string;
  pid: number | undefined;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}>;
