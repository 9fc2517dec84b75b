// The image API against the shipped declarations (tsc --noEmit).
import { probeImage, checkImage, checkImagePixels, IMAGE_SLOTS, loadVision, hasVision, type CardInfo, type ImageInfo, type ImageSlot } from 'beian-check';

const bytes = new Uint8Array(16);
const info: ImageInfo = probeImage(bytes);
const w: number | undefined = info.displayWidth;
const need: number | undefined = info.needBytes;
const slot: ImageSlot = IMAGE_SLOTS[0];
const r = checkImage(slot, bytes.buffer, { fileSize: 1234, fileName: 'a.jpg', locale: 'en' });
const format: string = r.info.format;
const p = checkImagePixels('idCardFront', new Uint8ClampedArray(16), 2, 2);
const sharp: number = p.info.sharpness;
const q = checkImagePixels('other', { data: new Uint8ClampedArray(16), width: 2, height: 2 }, { locale: 'zh-TW' });
void [w, need, format, sharp, q];

// The vision module (the ID-card analysis): loaded on demand, then info.card.
const loading: Promise<void> = loadVision();
const loadingFrom: Promise<void> = loadVision(new URL('https://example.com/wasm-vision/beian_check_bg.wasm'));
const ready: boolean = hasVision();
const card: CardInfo | undefined = p.info.card;
const corner: [number, number] | undefined = card?.corners[0];
const side: 'portrait' | 'emblem' | 'unknown' | undefined = card?.side;
const region = card?.regions?.['image.glare'];
void [loading, loadingFrom, ready, corner, side, region];

// @ts-expect-error: slots are a closed set
checkImage('passport', bytes);
// @ts-expect-error: bytes, not a string
probeImage('abc');
