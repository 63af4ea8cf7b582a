import type { ReactElement } from 'react';
import type { AppStoreAppId } from '../../../preload/contract/app-store-catalog.js';

/** The made-up apps' icons, our own drawings (rounded squares, as Mac app icons of 2015): decoration only. */
export function AppArt({ appId, size = 'large' }: { appId: AppStoreAppId; size?: 'large' | 'small' }) {
  return (
    <svg className={`store-art store-art--${size}`} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      {ART[appId]}
    </svg>
  );
}

const ART: Record<AppStoreAppId, ReactElement> = {
  tidewise: (
    <g>
      <rect width="64" height="64" rx="14" fill="#0c5c8c" />
      <circle cx="44" cy="20" r="7" fill="#ffd75e" />
      <path d="M4 38c8-6 14-6 20 0s12 6 20 0 12-6 16-2v28H4z" fill="#4fc3e8" />
      <path d="M4 48c8-6 14-6 20 0s12 6 20 0 12-6 16-2v18H4z" fill="#e8f8ff" />
    </g>
  ),
  'pebble-notes': (
    <g>
      <rect width="64" height="64" rx="14" fill="#f4efe6" />
      <ellipse cx="32" cy="46" rx="18" ry="8" fill="#9a8f82" />
      <ellipse cx="30" cy="33" rx="13" ry="6.5" fill="#b9ad9f" />
      <ellipse cx="33" cy="22" rx="9" ry="5" fill="#d6cbbd" />
    </g>
  ),
  'kanji-cards': (
    <g>
      <rect width="64" height="64" rx="14" fill="#c8313a" />
      <rect x="14" y="12" width="30" height="40" rx="3" fill="#fff" transform="rotate(-8 29 32)" />
      <rect x="20" y="12" width="30" height="40" rx="3" fill="#fff8ee" />
      <path d="M27 24h16M35 20v26M28 34h14M27 44h16" stroke="#222" strokeWidth="3" strokeLinecap="round" />
    </g>
  ),
  'pixel-easel': (
    <g>
      <rect width="64" height="64" rx="14" fill="#2b2d42" />
      {[
        ['#ef476f', 12, 12],
        ['#ffd166', 24, 12],
        ['#06d6a0', 36, 12],
        ['#118ab2', 12, 24],
        ['#ef476f', 24, 24],
        ['#ffd166', 36, 24],
        ['#06d6a0', 12, 36],
        ['#118ab2', 24, 36],
        ['#ef476f', 36, 36],
      ].map(([fill, x, y]) => (
        <rect key={`${x}-${y}`} x={x as number} y={y as number} width="11" height="11" fill={fill as string} />
      ))}
      <rect x="48" y="12" width="4" height="35" rx="2" fill="#f4f4f4" />
    </g>
  ),
  'skyline-weather': (
    <g>
      <rect width="64" height="64" rx="14" fill="#ffb648" />
      <circle cx="22" cy="22" r="9" fill="#fff3c4" />
      <path d="M6 58V40h8v-8h8v14h6V30h10v12h6v-6h8v22z" fill="#3c3f58" />
    </g>
  ),
  'trail-log': (
    <g>
      <rect width="64" height="64" rx="14" fill="#3f8f4e" />
      <path d="M6 50 22 26l8 10 8-14 20 28z" fill="#b5e3a1" />
      <path d="M14 58c8-6 16-4 22-10s14-8 22-6" fill="none" stroke="#fff" strokeWidth="3" strokeDasharray="4 4" strokeLinecap="round" />
    </g>
  ),
};
