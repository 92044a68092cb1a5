// `npm start`: build the app, then serve the build on this computer and say where.
// PORT=8080 npm start serves on that port (and stops with a message if it is taken);
// without PORT it tries 4173 and takes the next free port when 4173 is busy, saying so.
import { createServer } from 'node:net';
import { build, preview } from 'vite';

const HOST = process.env.HOST ?? '127.0.0.1';
const DEFAULT_PORT = 4173;
const chosen = process.env.PORT;

function parsePort(text) {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) {
    console.error(`PORT must be a whole number from 1 to 65535 (got "${text}").`);
    process.exit(2);
  }
  return port;
}

/** Whether nothing listens on host:port now (the preview server re-checks as it starts). */
const isFree = (port) =>
  new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => probe.close(() => resolve(true)))
      .listen(port, HOST);
  });

const wanted = chosen === undefined ? DEFAULT_PORT : parsePort(chosen);
if (chosen !== undefined && !(await isFree(wanted))) {
  console.error(
    `Port ${wanted} on ${HOST} is in use. Stop what uses it, or choose another: PORT=8080 npm start`,
  );
  process.exit(1);
}
const defaultBusy = chosen === undefined && !(await isFree(wanted));

await build({ logLevel: 'warn' });
const server = await preview({
  logLevel: 'warn',
  preview: { host: HOST, port: wanted, strictPort: chosen !== undefined },
});
const url = server.resolvedUrls?.local[0] ?? `http://${HOST}:${wanted}/`;
const port = new URL(url).port;
if (defaultBusy) console.log(`Port ${DEFAULT_PORT} was busy, so Trajectory took port ${port}.`);
console.log(`Trajectory is being served at ${url}`);
console.log('Open that address in a browser. Stop with Ctrl+C.');
