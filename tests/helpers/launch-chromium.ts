import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, installed by .ci/run; playwright-core never downloads a browser of its own. */
export const chromiumPath = '/usr/bin/chromium';

/**
 * Chromium headless, as every browser test starts it: no sandbox (CI runs as root in a container), no
 * GPU, and none of the calls home a fresh profile makes. Playwright gives each launch a fresh
 * temporary profile (its own --user-data-dir), so no test sees another's storage.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
