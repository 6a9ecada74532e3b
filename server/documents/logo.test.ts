import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { opaqueLogo } from './logo';

function pngDataUrl(pixels: number[][]): string {
  const image = new PNG({ width: pixels.length, height: 1 });
  image.data = Buffer.from(pixels.flat());
  return `data:image/png;base64,${PNG.sync.write(image).toString('base64')}`;
}

const decode = (dataUrl: string) => PNG.sync.read(Buffer.from(dataUrl.split(',')[1]!, 'base64'));

describe('opaqueLogo', () => {
  it('flattens a transparent PNG onto white, keeping opaque pixels as they are', () => {
    const logo = opaqueLogo(
      pngDataUrl([
        [255, 0, 0, 255],
        [255, 0, 0, 128],
        [0, 0, 0, 0],
      ]),
    )!;
    const image = decode(logo);
    expect(image.alpha).toBe(false);
    expect([...image.data]).toEqual([255, 0, 0, 255, 255, 127, 127, 255, 255, 255, 255, 255]);
  });

  it('passes a JPEG through and answers the same logo twice without decoding it again', () => {
    const jpeg = 'data:image/jpeg;base64,/9j/4AAQSkZJRg==';
    expect(opaqueLogo(jpeg)).toBe(jpeg);
    const png = pngDataUrl([[0, 0, 255, 255]]);
    expect(opaqueLogo(png)).toBe(opaqueLogo(png));
  });

  it('leaves off a logo that does not decode', () => {
    expect(opaqueLogo('data:image/png;base64,bm90IGEgcG5n')).toBeNull();
  });
});
