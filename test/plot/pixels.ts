/** Reading rendered figures back for content tests: decoded pixels and where the title's ink lies. */
import { createCanvas, loadImage } from '@napi-rs/canvas';

/** RGBA pixels of a PNG (row-major, 4 bytes per pixel) with its size. */
export async function decodePng(png: Buffer): Promise<{ width: number; height: number; rgba: Uint8ClampedArray }> {
  const img = await loadImage(png);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return { width: img.width, height: img.height, rgba: ctx.getImageData(0, 0, img.width, img.height).data };
}

/**
 * Extent of the topmost band of dark ink (rows with a pixel darker than 100 in every channel, up to
 * the first row without one): the title of a figure with a title. Undefined when the image has no dark ink.
 */
export async function topInkBand(png: Buffer): Promise<{ top: number; bottom: number; left: number; right: number; width: number } | undefined> {
  const { width, height, rgba } = await decodePng(png);
  const dark = (x: number, y: number) => {
    const i = 4 * (y * width + x);
    return rgba[i] < 100 && rgba[i + 1] < 100 && rgba[i + 2] < 100;
  };
  let top = -1;
  let left = width;
  let right = -1;
  for (let y = 0; y < height; y++) {
    let any = false;
    for (let x = 0; x < width; x++) {
      if (!dark(x, y)) continue;
      any = true;
      left = Math.min(left, x);
      right = Math.max(right, x);
    }
    if (any && top < 0) top = y;
    if (!any && top >= 0) return { top, bottom: y - 1, left, right, width };
  }
  return top < 0 ? undefined : { top, bottom: height - 1, left, right, width };
}
