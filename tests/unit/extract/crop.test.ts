import { describe, expect, it } from 'vitest';
import { cropRectFor } from '../../../lib/extract/crop';

describe('the evidence screenshot is cropped to the post', () => {
  it('scales CSS pixels to device pixels and keeps a small margin', () => {
    expect(cropRectFor({ x: 100, y: 50, width: 400, height: 200, devicePixelRatio: 2 }, 2000, 1200)).toEqual({
      sx: 184,
      sy: 84,
      sw: 832,
      sh: 432,
    });
  });

  it('clamps a post that runs past the bottom of the viewport', () => {
    const crop = cropRectFor({ x: 0, y: 500, width: 800, height: 2000, devicePixelRatio: 1 }, 800, 600);
    expect(crop).toEqual({ sx: 0, sy: 492, sw: 800, sh: 108 });
  });

  it('keeps the whole screenshot when the post is scrolled out of view', () => {
    expect(cropRectFor({ x: 0, y: -900, width: 800, height: 300, devicePixelRatio: 1 }, 800, 600)).toBeUndefined();
  });
});
