// Headless Debian Chromium through playwright-core (no browser download).
// Playwright gives every launch a fresh temporary profile.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);

export async function launch() {
  if (!CHROMIUM) throw new Error('Chromium not found: run scripts/bootstrap (apt-get install chromium)');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-quic', '--disable-sync'],
  });
}
