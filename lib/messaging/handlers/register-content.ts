/**
 * The content script's side: it answers `extractPage` from the background
 * (and only from this extension).
 */
import { handle } from '../handle';
import type { Result } from '../result';
import { ExtractPageRequestSchema, type CapturePostRequest, type ExtractPageRequest } from '../schemas';

/** Registers the content script's `extractPage` handler; returns the function that removes it. */
export function setupExtractPageHandler(
  extract: (request: ExtractPageRequest) => Result<CapturePostRequest> | Promise<Result<CapturePostRequest>>,
  runtime?: { id: string; pageOrigin: string },
): () => void {
  return handle('extractPage', ExtractPageRequestSchema, (request) => extract(request), {
    from: 'extension',
    ...(runtime ? { runtime } : {}),
  });
}
