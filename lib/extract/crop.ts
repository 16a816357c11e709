/**
 * Cropping the evidence screenshot to the captured post.
 * `captureVisibleTab` returns the whole viewport at device pixels; the post's
 * rectangle comes in CSS pixels from the page, so it is scaled and clamped.
 */

/** A rectangle in CSS pixels, as getBoundingClientRect gives it, with the page's devicePixelRatio. */
export interface ViewportRect {
  x: number;
  y: number;
  width: number;
  height: number;
  devicePixelRatio: number;
}

/** A rectangle in image pixels. */
export interface PixelRect {
  sx: number;
  sy: number;
  sw: number;
  sh: number;
}

/** Margin kept around the post, in CSS pixels, so the reader sees its context. */
const MARGIN = 8;

/**
 * The part of a `imageWidth`×`imageHeight` screenshot that shows `rect`, or
 * undefined when the post is entirely outside the visible viewport (then the
 * whole screenshot is kept).
 */
export function cropRectFor(rect: ViewportRect, imageWidth: number, imageHeight: number): PixelRect | undefined {
  const scale = rect.devicePixelRatio > 0 ? rect.devicePixelRatio : 1;
  const left = Math.max(0, Math.floor((rect.x - MARGIN) * scale));
  const top = Math.max(0, Math.floor((rect.y - MARGIN) * scale));
  const right = Math.min(imageWidth, Math.ceil((rect.x + rect.width + MARGIN) * scale));
  const bottom = Math.min(imageHeight, Math.ceil((rect.y + rect.height + MARGIN) * scale));
  if (right - left < 2 || bottom - top < 2) return undefined;
  return { sx: left, sy: top, sw: right - left, sh: bottom - top };
}
