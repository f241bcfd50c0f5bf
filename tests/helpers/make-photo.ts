import jpeg from 'jpeg-js';

/** An EXIF APP1 body ("Exif\0\0" and a TIFF header) holding only the orientation tag, big-endian. */
export function exifWithOrientation(orientation: number): Buffer {
  const tiff = Buffer.alloc(8 + 2 + 12 + 4);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8);
  tiff.writeUInt16BE(0x0112, 10);
  tiff.writeUInt16BE(3, 12);
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
}

/**
 * A JPEG like a phone's photo: red in its left half and blue in its right (so a turn shows), over a
 * gradient, with `noise` levels of deterministic grain to give it a photo's entropy and file size.
 */
export function photoJpeg(width: number, height: number, options: { orientation?: number; noise?: number; quality?: number } = {}): Uint8Array {
  const { orientation, noise = 0, quality = 80 } = options;
  const data = Buffer.alloc(width * height * 4);
  let seed = 1;
  const grain = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return ((seed / 0x7fffffff) * noise) | 0;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const left = x < width / 2;
      const shade = ((y / height) * 60) | 0;
      data[i] = (left ? 180 : 10) + shade / 2 + grain();
      data[i + 1] = 20 + shade + grain();
      data[i + 2] = (left ? 10 : 180) + shade / 2 + grain();
      data[i + 3] = 255;
    }
  }
  const image = { data, width, height, ...(orientation ? { exifBuffer: exifWithOrientation(orientation) } : {}) };
  return new Uint8Array(jpeg.encode(image, quality).data);
}
