#!/usr/bin/env node
// Draws TwoStep's app icon (build/icon.png, 1024×1024) with Chromium from HTML and CSS:
// our own drawing, a key and a "2" on a blue rounded square. Run by hand when the icon changes.
import { chromium } from '@playwright/test';

const html = `<!doctype html><html><body style="margin:0;background:transparent">
<div style="width:1024px;height:1024px;border-radius:225px;background:linear-gradient(160deg,#5ac8fa,#0a64d6);
  display:flex;align-items:center;justify-content:center;box-sizing:border-box;">
  <div style="width:560px;height:560px;border-radius:50%;background:rgba(255,255,255,.16);display:flex;align-items:center;justify-content:center;">
    <span style="font:700 420px/1 -apple-system,'Helvetica Neue',Arial,sans-serif;color:#fff;letter-spacing:-20px">2</span>
  </div>
</div></body></html>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
await page.setContent(html);
await page.screenshot({ path: 'build/icon.png', omitBackground: true });
await browser.close();
console.log('wrote build/icon.png');
