#!/usr/bin/env node
// What the widget costs a filing page, in headless Chromium (built package:
// `bash scripts/build`), served gzip -9 as a CDN would, on three networks
// (Chromium's own throttling): no throttling, broadband (20 Mbit/s, 20 ms)
// and Lighthouse's mobile "slow 4G" (1.6 Mbit/s, 150 ms).
//   node bench/widget-load.mjs      (RUNS=3 fresh pages per row)
// For www/embed.html as shipped (the checker loads when the form is first
// used) and with data-beian-load="eager" (with the page), median of RUNS:
// - bytes from /pkg/ before the load event (transferred, gzip), and the load event time;
// - "ready": when the checker can answer — after the first use (the pointer
//   entering the form) for the default, after navigation start for eager.
// Prints numbers only; no assertions.
import { launch } from '../tests/e2e/browser.mjs';
import { startServer } from '../scripts/serve.mjs';

const RUNS = Number(process.env.RUNS) || 3;
const NETWORKS = [
  { name: 'no throttling', conditions: null },
  { name: 'broadband 20 Mbit/s, 20 ms', conditions: { latency: 20, downloadThroughput: 20e6 / 8, uploadThroughput: 5e6 / 8 } },
  { name: 'slow 4G 1.6 Mbit/s, 150 ms', conditions: { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 } },
];
const server = await startServer({ port: 0, gzip: true });
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function run(network, eager) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (network.conditions) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network.conditions });
  // Page-clock timestamps: the first pointer over the form, the widget's ready event.
  await page.addInitScript(() => {
    document.addEventListener('pointerover', () => (window.__firstUse ??= performance.now()), true);
    document.addEventListener('beian:ready', () => (window.__readyAt = performance.now()), true);
  });
  if (eager) {
    await page.route(`${base}/embed.html`, async (route) => {
      const original = await route.fetch();
      route.fulfill({ response: original, body: (await original.text()).replace('<form data-beian-form', '<form data-beian-load="eager" data-beian-form') });
    });
  }
  await page.goto(`${base}/embed.html`, { waitUntil: 'load' });
  const atLoad = await page.evaluate(() => ({
    load: performance.getEntriesByType('navigation')[0].loadEventStart,
    pkg: performance.getEntriesByType('resource').filter((r) => r.name.includes('/pkg/')).reduce((s, r) => s + r.encodedBodySize, 0),
  }));
  if (!eager) {
    await page.waitForLoadState('networkidle');
    await page.hover('input[name="id"]');
  }
  await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 60_000 });
  const t = await page.evaluate(() => ({ readyAt: window.__readyAt, firstUse: window.__firstUse }));
  const total = await page.evaluate(() => performance.getEntriesByType('resource').filter((r) => r.name.includes('/pkg/')).reduce((s, r) => s + r.encodedBodySize, 0));
  await ctx.close();
  return { ...atLoad, total, ready: eager ? t.readyAt : t.readyAt - t.firstUse };
}

try {
  console.log('www/embed.html, /pkg/ served gzip -9; median of', RUNS, 'fresh pages per row');
  console.log('network'.padEnd(30), 'widget load'.padEnd(12), 'pkg B by load'.padStart(14), 'load event'.padStart(11), 'pkg B in all'.padStart(13), '  checker ready');
  for (const network of NETWORKS) {
    for (const eager of [false, true]) {
      const rows = [];
      for (let i = 0; i < RUNS; i++) rows.push(await run(network, eager));
      const m = (k) => median(rows.map((r) => r[k]));
      console.log(network.name.padEnd(30), (eager ? 'eager' : 'on first use').padEnd(12), String(m('pkg')).padStart(14), `${m('load').toFixed(0)} ms`.padStart(11),
        String(m('total')).padStart(13), `  ${m('ready').toFixed(0)} ms ${eager ? 'after navigation start' : 'after the pointer entered the form'}`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
