// beian-check/widget — the image path. widget.js imports this file when a
// file input first gets focus or a file is picked, so a filing page loads none
// of it with the page: the header check (checkImage, probeImage) on the
// file's first bytes and its end, the decode off the main thread
// (createImageBitmap, downscaled; ./large-image.js for very large images),
// the thumbnail, and the pixel checks (checkImagePixels). For a photo in an ID
// slot it loads the vision module (loadVision()) and the card view
// (./widget-card.js) while the photo decodes. Text only, like the rest of the
// widget; the helpers it needs (call, has, el, fill, warn) come from widget.js
// as `env`.

const IMAGE_HEAD = 64 * 1024; // bytes read before the header says it needs more
const IMAGE_MAX_HEAD = 8 * 1024 * 1024; // never read more than this for a header
const PIXEL_EDGE = 1024; // long edge of the downscaled copy the pixel checks see
// Decoding bounds (issue 17: a 435 KB PNG of 12000 × 12000 cost +765 MB). Chromium decodes the whole image
// before createImageBitmap's resize, so that path is taken only up to FULL_DECODE pixels (48 MB of RGBA);
// larger JPEGs and PNGs are decoded downscaled by ./large-image.js; nothing over DECODE_MAX is decoded.
const FULL_DECODE = 12e6;
const DECODE_MAX = 100e6;
const TAIL = 64 * 1024; // the file's end checkImage reads to tell a cut-off file
const BROWSER_FORMATS = ['jpeg', 'png', 'gif', 'bmp', 'webp'];
// checkImage codes after which the pixels are not decoded: nothing trustworthy (or safe) to draw.
const NO_DECODE = ['image.truncated', 'image.corrupt', 'image.too_many_pixels', 'image.empty', 'image.unknown_format'];
const THUMB_EDGE = 160;

// The ID-card view (widget-card.js: outline, what was read), loaded with the first ID photo; widget.js
// reads `cardView` to render what was read.
let cardLoad;
export let cardView;

function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** `bitmap` scaled to PIXEL_EDGE on its long side (the original is closed), or itself when smaller. */
async function downscale(bitmap) {
  const scale = Math.min(1, PIXEL_EDGE / Math.max(bitmap.width, bitmap.height));
  if (scale >= 1) return bitmap;
  try {
    return await createImageBitmap(bitmap, { resizeWidth: Math.max(1, Math.round(bitmap.width * scale)), resizeHeight: Math.max(1, Math.round(bitmap.height * scale)), resizeQuality: 'medium' });
  } finally {
    bitmap.close();
  }
}

function imageFacts(info, file) {
  const out = [];
  if (info?.format && info.format !== 'unknown') out.push(info.format.toUpperCase());
  const w = info?.displayWidth ?? info?.width;
  const h = info?.displayHeight ?? info?.height;
  if (w && h) out.push(`${w} × ${h} px`);
  if (file) out.push(formatBytes(file.size));
  return out;
}

/**
 * Checks the file picked in `input` for the controller `ctl`: the header verdict at once, then the decode,
 * the thumbnail and the pixel checks. `token` is the pick's: a later pick makes this one stop writing.
 */
export async function read(ctl, input, file, slot, token, env) {
  const { call } = env;
  const s = ctl.st(input);
  // 1. The header: format, size, dimensions, at once.
  let bytes = new Uint8Array(await file.slice(0, IMAGE_HEAD).arrayBuffer());
  // The file's end too (a cut-off download keeps a good header): never the whole file.
  const tail = file.size > IMAGE_HEAD ? new Uint8Array(await file.slice(Math.max(0, file.size - TAIL)).arrayBuffer()) : undefined;
  const run = () => call('checkImage', slot, bytes, ctl.checkOptions({ fileSize: file.size, fileName: file.name, tail }));
  let r = run();
  let info = r ? r.info : call('probeImage', bytes);
  const need = info?.needBytes;
  if (need && need > bytes.length && bytes.length < file.size) {
    bytes = new Uint8Array(await file.slice(0, Math.min(need, IMAGE_MAX_HEAD, file.size)).arrayBuffer());
    r = run();
    info = r ? r.info : call('probeImage', bytes);
  }
  if (s.token !== token) return;
  s.image = r || null;
  s.info = info || null;
  s.imageFacts = imageFacts(info, file);
  ctl.render(input);
  ctl.emit();

  // 2. Decode off the main thread (createImageBitmap), downscaled, for the pixel checks and the thumbnail.
  await decode(ctl, input, file, info, slot, token, env);
}

async function decode(ctl, input, file, info, slot, token, env) {
  const { call, has, el, fill, warn } = env;
  const s = ctl.st(input);
  if (typeof createImageBitmap !== 'function') return;
  if (info && ['heic', 'avif', 'tiff', 'pdf'].includes(info.format) && !file.type.startsWith('image/')) return;
  if (s.image?.findings?.some((f) => NO_DECODE.includes(f.code))) return; // said already; no thumbnail of a bomb or a broken file
  // An ID photo (idCardFront, idCardBack, handheldId): the vision module (the card analysis) and the card
  // view load while it decodes. If they fail, its pixels get the whole-frame checks, without an outline.
  const vision = /^[ih]/.test(slot) && Promise.all([call('loadVision'), (cardLoad ||= import('./widget-card.js')).then((m) => (cardView = m))]).catch(warn);
  await new Promise((ok) => setTimeout(ok, 0)); // let the header verdict paint first
  const w = info?.displayWidth ?? info?.width;
  const h = info?.displayHeight ?? info?.height;
  const own = (key, severity, vars) => {
    const [message, hint] = ctl.ui[key];
    return { code: key === 'undecodable' ? 'image.undecodable' : 'image.not_decoded', severity, message: fill(message, vars), hint };
  };
  let bitmap;
  try {
    if (w && h && w * h > FULL_DECODE) {
      // Decoded without ever holding it whole (./large-image.js, loaded only now); not at all over DECODE_MAX.
      // (A module that fails to load is not the file's fault: then it is just not decoded.)
      const large = w * h <= DECODE_MAX && (await import('./large-image.js').then((m) => m.decodeLarge, () => null));
      bitmap = large && (await large(file, info, PIXEL_EDGE));
      if (bitmap) bitmap = await downscale(bitmap);
      else {
        if (s.token === token) s.decoded = [own('notDecoded', 'info', { w, h })];
        return;
      }
    } else if (w && h) {
      const scale = Math.min(1, PIXEL_EDGE / Math.max(w, h));
      bitmap = await createImageBitmap(file, {
        imageOrientation: 'from-image',
        resizeWidth: Math.max(1, Math.round(w * scale)),
        resizeHeight: Math.max(1, Math.round(h * scale)),
        resizeQuality: 'medium',
      });
    } else {
      // No header facts (the probe is missing or did not know the format): let the browser tell the size.
      const full = await createImageBitmap(file, { imageOrientation: 'from-image' });
      if (s.token === token && !s.imageFacts?.some((f) => f.endsWith(' px'))) {
        s.imageFacts = [...(info?.format && info.format !== 'unknown' ? [info.format.toUpperCase()] : []), `${full.width} × ${full.height} px`, formatBytes(file.size)];
      }
      bitmap = await downscale(full);
    }
  } catch {
    // Not decodable. For a format browsers read, that is the file's fault: an error, named as such
    // (a JPEG cut off mid-scan fails here). Other formats: the header verdict stands.
    if (s.token === token && BROWSER_FORMATS.includes(info?.format)) s.decoded = [own('undecodable', 'error', { format: info.format === 'jpeg' ? 'JPG' : info.format.toUpperCase() })];
    return;
  }
  await vision;
  if (s.token !== token) {
    bitmap.close();
    return;
  }
  // Thumbnail: a canvas (no blob: URL needed under a strict CSP), drawn in the displayed orientation.
  const t = Math.min(1, THUMB_EDGE / Math.max(bitmap.width, bitmap.height));
  const thumb = el('canvas', 'bc-thumb');
  thumb.width = Math.max(1, Math.round(bitmap.width * t));
  thumb.height = Math.max(1, Math.round(bitmap.height * t));
  thumb.getContext('2d')?.drawImage(bitmap, 0, 0, thumb.width, thumb.height);
  thumb.setAttribute('aria-hidden', 'true');
  s.thumb = thumb;
  if (has('checkImagePixels')) {
    const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(bitmap.width, bitmap.height) : Object.assign(document.createElement('canvas'), { width: bitmap.width, height: bitmap.height });
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (ctx) {
      ctx.drawImage(bitmap, 0, 0);
      const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      s.pixels = call('checkImagePixels', slot, data, bitmap.width, bitmap.height, ctl.checkOptions()) || null;
      cardView?.outline(thumb, s.pixels, thumb.width / bitmap.width); // a card found: its outline on the thumbnail
    }
  }
  bitmap.close();
}

