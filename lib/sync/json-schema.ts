/**
 * The published JSON Schemas of the sync formats, generated from the zod
 * schemas (the zod schema is the one definition; the JSON Schema follows).
 */
import { z } from 'zod';
import { FormatVersionSchema, SyncFileSchema } from './schema';
import { EncryptedSyncFileSchema } from './encrypted-schema';

/** Where each schema is published (relative to the repository root). */
export const SYNC_SCHEMA_FILES = {
  syncFile: 'public/schema/sync-file.v1.schema.json',
  encryptedSyncFile: 'public/schema/sync-file-encrypted.v1.schema.json',
} as const;

/** The JSON Schemas (draft 2020-12) of the sync file and its encrypted envelope. */
export function syncJsonSchemas(): Record<keyof typeof SYNC_SCHEMA_FILES, object> {
  const options = {
    io: 'input' as const,
    // zod writes a numeric literal as "type": "number"; the format promises an integer.
    override: (ctx: { zodSchema: unknown; jsonSchema: { type?: unknown } }) => {
      if (ctx.zodSchema === FormatVersionSchema) ctx.jsonSchema.type = 'integer';
    },
  };
  return {
    syncFile: { ...z.toJSONSchema(SyncFileSchema, options), title: '舆情助手同步文件 (formatVersion 1)' },
    encryptedSyncFile: {
      ...z.toJSONSchema(EncryptedSyncFileSchema, options),
      title: '舆情助手加密同步文件 (formatVersion 1)',
    },
  };
}
