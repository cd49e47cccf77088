import Database from 'better-sqlite3';

/**
 * Opens a SQLite file for the local stand-ins. better-sqlite3 is a native addon built by `npm ci`
 * for the Node that ran the install; when the tests run on a newer Node than that (scripts/runTests.js
 * re-executes on Node 22 where the machine has Node 20), it points BETTER_SQLITE3_BINDING at a build
 * for the running Node's ABI, because the addon's own lookup would find the install-time build first.
 */
export function openDatabase(file: string): Database.Database {
  const nativeBinding = process.env.BETTER_SQLITE3_BINDING?.trim();
  return nativeBinding ? new Database(file, { nativeBinding }) : new Database(file);
}
