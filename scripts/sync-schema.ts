/**
 * Writes the sync file's JSON Schema, generated from its zod schema with
 * zod's own `z.toJSONSchema`, to public/schema/ (shipped with the extension
 * and read by the office hub). `tests/unit/sync/json-schema.test.ts` fails
 * when the committed file is stale: run `npx tsx scripts/sync-schema.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SYNC_SCHEMA_FILES, syncJsonSchemas } from '../lib/sync/json-schema';

for (const [name, schema] of Object.entries(syncJsonSchemas())) {
  const path = SYNC_SCHEMA_FILES[name as keyof typeof SYNC_SCHEMA_FILES];
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(path);
}
