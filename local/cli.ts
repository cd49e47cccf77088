#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startRuntime } from './runtime';

/**
 * `npm start`: the whole product on this machine. `--app <dir>` runs any other compiled
 * Functions app folder on the same host; `--reset` wipes the data folder first.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      app: { type: 'string' },
      port: { type: 'string' },
      'smtp-port': { type: 'string' },
      'data-dir': { type: 'string' },
      reset: { type: 'boolean', default: false },
      'virtual-clock': { type: 'boolean', default: false },
      'virtual-start': { type: 'string' },
      'no-seed': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(`Usage: npm start -- [--reset] [--app <dir>] [--port N] [--smtp-port N] [--data-dir <dir>] [--virtual-clock [--virtual-start <ISO date>]] [--verbose]
Environment: PORT (default 7071), SMTP_PORT (default 2525), DATA_DIR (default .data).`);
    return;
  }
  const port = parsePort('port', values.port ?? process.env.PORT ?? '7071');
  const smtpPort = parsePort('smtp-port', values['smtp-port'] ?? process.env.SMTP_PORT ?? '2525');
  const virtualStart = values['virtual-start'] ? Date.parse(values['virtual-start']) : undefined;
  if (virtualStart !== undefined && Number.isNaN(virtualStart)) throw new Error('--virtual-start must be an ISO date-time.');
  const started = Date.now();

  const runtime = await startRuntime({
    port,
    smtpPort,
    dataDir: values['data-dir'] ?? process.env.DATA_DIR ?? '.data',
    appDir: resolve(values.app ?? '.'),
    reset: values.reset,
    virtualClock: values['virtual-clock'],
    virtualStart,
    seed: !values['no-seed'],
    verbose: values.verbose,
  });

  console.log('AI governance workflow: local runtime');
  const width = Math.max(...runtime.links().map((l) => l.label.length), 10);
  console.log(`  ${'Index page'.padEnd(width)}  ${runtime.origin}/`);
  for (const link of runtime.links()) console.log(`  ${link.label.padEnd(width)}  ${link.url}`);
  // Tests and scripts wait for this line; keep its shape.
  console.log(`ready: ${runtime.origin} (${((Date.now() - started) / 1000).toFixed(1)} s). Press Ctrl-C to stop.`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping…`);
    runtime
      .close()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        console.error(err);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

function parsePort(name: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--${name} must be a port number (0–65535), not "${value}".`);
  return port;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
