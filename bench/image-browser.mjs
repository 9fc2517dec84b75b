#!/usr/bin/env node
// Image benchmarks in headless Chromium (built package: `bash scripts/build`).
//   node bench/image-browser.mjs
// On one 12-megapixel JPEG made by the browser's own encoder:
//   probeImage (header only) vs createImageBitmap (full decode) — ratio;
//   checkImagePixels on the 1024×768 downscale the widget draws.
// Prints numbers only; no assertions.
import { launch } from '../tests/e2e/browser.mjs';
import { startServer } from '../scripts/serve.mjs';

const server = await startServer({ port: 0 });
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  const r = await page.evaluate(async () => {
    const m = await import('/pkg/web.js');
    await m.default();
    const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
    // A 4000×3000 "document photo": gradients, text-like strokes, colour boxes.
    const c = new OffscreenCanvas(4000, 3000);
    const g = c.getContext('2d');
    const grad = g.createLinearGradient(0, 0, 4000, 3000);
    grad.addColorStop(0, '#8a5a3c');
    grad.addColorStop(1, '#c49a6c');
    g.fillStyle = grad;
    g.fillRect(0, 0, 4000, 3000);
    g.fillStyle = '#f5f3ec';
    g.fillRect(500, 375, 3000, 2250);
    g.fillStyle = '#e1b496';
    g.fillRect(600, 900, 900, 1200);
    g.fillStyle = '#1a1a20';
    g.font = '60px sans-serif';
    for (let y = 600; y < 2500; y += 110) g.fillText('中华人民共和国居民身份证 ICP备案 0123456789 ABCDEFG', 1600, y);
    g.strokeStyle = '#d0202a';
    g.lineWidth = 12;
    g.beginPath();
    g.arc(3100, 2200, 250, 0, 7);
    g.stroke();
    const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const head = bytes.subarray(0, 65536);
    const info = m.probeImage(head);
    const probe = [];
    for (let k = 0; k < 7; k++) {
      const t0 = performance.now();
      for (let i = 0; i < 200; i++) m.probeImage(head);
      probe.push((performance.now() - t0) / 200);
    }
    const decode = [];
    let bmp;
    for (let k = 0; k < 5; k++) {
      const t0 = performance.now();
      bmp = await createImageBitmap(blob);
      decode.push(performance.now() - t0);
      if (k < 4) bmp.close();
    }
    const small = new OffscreenCanvas(1024, 768);
    const sg = small.getContext('2d', { willReadFrequently: true });
    const t1 = performance.now();
    sg.drawImage(bmp, 0, 0, 1024, 768);
    const img = sg.getImageData(0, 0, 1024, 768);
    const drawMs = performance.now() - t1;
    const pixels = [];
    let res;
    for (let k = 0; k < 15; k++) {
      const t0 = performance.now();
      res = m.checkImagePixels('idCardFront', img.data, 1024, 768);
      pixels.push(performance.now() - t0);
    }
    return { size: bytes.length, info, probe: median(probe), decode: median(decode), drawMs, pixels: median(pixels),
      pixelInfo: res.info, pixelFindings: res.findings.map((f) => f.code), ua: navigator.userAgent };
  });
  console.log(`Chromium: ${r.ua}`);
  console.log(`12 MP JPEG from the browser's encoder: ${(r.size / 1048576).toFixed(2)} MiB, probeImage → ${r.info.width}×${r.info.height} ${r.info.compression}`);
  console.log(`probeImage (first 64 KiB): ${(r.probe * 1000).toFixed(1)} µs per call`);
  console.log(`createImageBitmap (decode): ${r.decode.toFixed(1)} ms per call`);
  console.log(`ratio decode / probe: ${Math.round(r.decode / r.probe)}×`);
  console.log(`drawImage + getImageData to 1024×768: ${r.drawMs.toFixed(1)} ms (once)`);
  console.log(`checkImagePixels 1024×768: ${r.pixels.toFixed(2)} ms per call → ${JSON.stringify(r.pixelInfo)} ${JSON.stringify(r.pixelFindings)}`);
} finally {
  await browser.close();
  server.close();
}
