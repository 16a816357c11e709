/**
 * The evidence screenshot: the visible tab, cropped to the captured post.
 * Runs in the service worker, which has OffscreenCanvas and createImageBitmap
 * but no DOM.
 */
import { cropRectFor, type ViewportRect } from '../extract/crop';

/** What taking a screenshot needs from the browser. */
export interface ScreenshotApi {
  captureVisibleTab(windowId: number | undefined): Promise<string>;
}

/** A PNG of the visible tab cropped to `rect` (the whole viewport when the post is out of view). */
export async function takeEvidenceScreenshot(api: ScreenshotApi, windowId: number | undefined, rect?: ViewportRect): Promise<Blob> {
  const dataUrl = await api.captureVisibleTab(windowId);
  const full = await (await fetch(dataUrl)).blob();
  if (!rect) return full;
  const bitmap = await createImageBitmap(full);
  const crop = cropRectFor(rect, bitmap.width, bitmap.height);
  if (!crop) return full;
  const canvas = new OffscreenCanvas(crop.sw, crop.sh);
  canvas.getContext('2d')?.drawImage(bitmap, crop.sx, crop.sy, crop.sw, crop.sh, 0, 0, crop.sw, crop.sh);
  bitmap.close();
  return canvas.convertToBlob({ type: 'image/png' });
}
