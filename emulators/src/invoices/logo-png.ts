import { PNG } from 'pngjs';

/**
 * A small company logo as PNG (generated, no binary fixture): a coloured bar with a lighter stripe, the kind of
 * image mail signatures embed inline. Same arguments, same bytes.
 */
export function logoPng(width = 120, height = 40, rgb: [number, number, number] = [0, 84, 159]): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y += 1) {
    const stripe = y > height * 0.6 && y < height * 0.75;
    for (let x = 0; x < width; x += 1) {
      // A colour fading slightly to the right, crossed by a white stripe.
      const fade = 1 - (x / width) * 0.25;
      const offset = (width * y + x) * 4;
      rgb.forEach((channel, index) => {
        png.data[offset + index] = stripe ? 255 : Math.round(channel * fade);
      });
      png.data[offset + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}
