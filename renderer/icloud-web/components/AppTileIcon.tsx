import type { ReactElement } from 'react';
import type { ICloudWebApp } from './apps.js';

/**
 * The home page's tiles, drawn by TwoStep in the spirit of iCloud.com's 2015 icons (never
 * Apple's artwork): a rounded square of the app's colour and a simple white figure.
 */
export function AppTileIcon({ app }: { app: ICloudWebApp }) {
  return (
    <svg className={`icw-tile-icon icw-tile-icon--${app}`} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" className="icw-tile-icon__bg" />
      {FIGURES[app]}
    </svg>
  );
}

const FIGURES: Record<ICloudWebApp, ReactElement> = {
  mail: (
    <g fill="none" stroke="#fff" strokeWidth="3" strokeLinejoin="round">
      <rect x="13" y="20" width="38" height="26" rx="3" />
      <path d="M14 22l18 14 18-14" />
    </g>
  ),
  contacts: (
    <g fill="#fff">
      <circle cx="32" cy="25" r="8" />
      <path d="M17 48c1-9 7-14 15-14s14 5 15 14z" />
    </g>
  ),
  calendar: (
    <g>
      <rect x="14" y="16" width="36" height="34" rx="4" fill="#fff" />
      <rect x="14" y="16" width="36" height="9" rx="4" fill="#ff3b30" />
      <text x="32" y="45" textAnchor="middle" fontSize="17" fontFamily="-apple-system, Helvetica, sans-serif" fill="#333">
        {new Date().getDate()}
      </text>
    </g>
  ),
  find: (
    <g fill="none" stroke="#fff" strokeWidth="3">
      <circle cx="32" cy="32" r="16" />
      <circle cx="32" cy="32" r="8" />
      <circle cx="32" cy="32" r="2" fill="#fff" />
    </g>
  ),
  settings: (
    <g fill="none" stroke="#fff" strokeWidth="3">
      <circle cx="32" cy="32" r="7" />
      <path d="M32 14v7M32 43v7M14 32h7M43 32h7M19 19l5 5M40 40l5 5M19 45l5-5M40 24l5-5" strokeLinecap="round" />
    </g>
  ),
};
