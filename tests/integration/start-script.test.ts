// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

// `npm start` (scripts/start.mjs): a port the user chose and that is taken is refused with
// a message that says what to do, before anything is built. (Serving on the next free port
// when the default 4173 is busy was checked by hand: "Port 4173 was busy, so Trajectory
// took port 4174.")
let blocker: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
  blocker = undefined;
});

const listen = (): Promise<number> =>
  new Promise((resolve) => {
    blocker = createServer().listen(0, '127.0.0.1', () => {
      const address = blocker?.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });

const start = (port: string) =>
  spawnSync(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, PORT: port },
    encoding: 'utf8',
    timeout: 20_000,
  });

describe('npm start', () => {
  it('refuses a chosen port that is in use, and says how to choose another', async () => {
    const port = await listen();
    const run = start(String(port));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Port ${port} on 127.0.0.1 is in use.`);
    expect(run.stderr).toContain('PORT=8080 npm start');
  });

  it('refuses a PORT that is not a port number', () => {
    const run = start('80a');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('PORT must be a whole number from 1 to 65535 (got "80a")');
  });
});
