// `npm install` runs this (postinstall): it makes the copy of an empty, migrated embedded database that
// a fresh `npm start` and every test file restore instead of running PGlite's initdb (server/db/pglite-template.ts).
// Only a cache: when it cannot be made, the first database made makes it, and install never fails for it.
export {}; // a module, for the top-level await

try {
  const { openDatabase } = await import('../server/db/connect.js');
  const started = Date.now();
  const database = await openDatabase({ dataDir: 'memory://' });
  await database.close();
  console.log(`minsheng: empty embedded database ready to copy (${Date.now() - started} ms)`);
} catch (err) {
  console.warn(`minsheng: no empty-database copy made now (${(err as Error).message}); the first start makes it`);
}
