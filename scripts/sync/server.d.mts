export function freePort(host?: string): Promise<number>;
export function startSyncServer(options?: {
  port?: number;
  admin?: string;
  host?: string;
}): Promise<{ url: string; pid: number | undefined; stop: () => Promise<void> }>;
