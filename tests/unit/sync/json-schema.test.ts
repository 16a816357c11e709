/** The published JSON Schemas are the zod schemas' own output, kept up to date. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SYNC_SCHEMA_FILES, syncJsonSchemas } from '../../../lib/sync/json-schema';

describe('public/schema', () => {
  for (const [name, schema] of Object.entries(syncJsonSchemas())) {
    it(`${SYNC_SCHEMA_FILES[name as keyof typeof SYNC_SCHEMA_FILES]} is generated from the zod schema (npx tsx scripts/sync-schema.ts)`, () => {
      const published = JSON.parse(readFileSync(SYNC_SCHEMA_FILES[name as keyof typeof SYNC_SCHEMA_FILES], 'utf8')) as unknown;
      expect(published).toEqual(schema);
    });
  }

  it('declares formatVersion as a required integer constant', () => {
    const schema = syncJsonSchemas().syncFile as { required: string[]; properties: { formatVersion: { type: string; const: number } } };
    expect(schema.required).toContain('formatVersion');
    expect(schema.properties.formatVersion).toEqual({ type: 'integer', const: 1 });
  });
});
