import type { BrowserKind, BrowserSystem } from '../../preload/contract/trusted-browsers-types.js';

/**
 * What a list calls a trusted browser ("Chrome on Mac"), read from its User-Agent header — a
 * name for the owner to recognise, never a proof of anything (the browser chooses what it sends).
 * The order matters: Edge and Chrome name Safari too, and Chrome on iOS names itself CriOS.
 */
export function browserName(userAgent: string | undefined): { browser: BrowserKind; os: BrowserSystem } {
  const ua = (userAgent ?? '').slice(0, 512);
  return { browser: browserOf(ua), os: systemOf(ua) };
}

function browserOf(ua: string): BrowserKind {
  if (/\bEdg(e|A|iOS)?\//.test(ua)) return 'edge';
  if (/\b(Firefox|FxiOS)\//.test(ua)) return 'firefox';
  if (/\b(Chrome|Chromium|CriOS|HeadlessChrome)\//.test(ua)) return 'chrome';
  if (/\bSafari\//.test(ua) && /\bVersion\//.test(ua)) return 'safari';
  return 'other';
}

function systemOf(ua: string): BrowserSystem {
  if (/\b(iPhone|iPad|iPod)\b/.test(ua)) return 'iphone';
  if (/\bAndroid\b/.test(ua)) return 'android';
  if (/\bMacintosh\b|\bMac OS X\b/.test(ua)) return 'mac';
  if (/\bWindows\b/.test(ua)) return 'windows';
  if (/\b(Linux|X11|CrOS)\b/.test(ua)) return 'linux';
  return 'other';
}
