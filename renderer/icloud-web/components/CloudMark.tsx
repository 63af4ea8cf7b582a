import { useId } from 'react';

/** A cloud drawn by TwoStep for iCloud.com's pages (not Apple's artwork): decoration only. */
export function CloudMark({ size = 96 }: { size?: number }) {
  const id = `cloud${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  return (
    <svg className="icw-cloud" width={size} height={Math.round(size * 0.62)} viewBox="0 0 100 62" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id={id} x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor="#7fd0ff" />
          <stop offset="1" stopColor="#2a8cf0" />
        </linearGradient>
      </defs>
      <path
        d="M27 58h50c11 0 19-8 19-18s-7-17-16-18C78 10 68 2 56 2c-10 0-18 6-22 14-2-1-4-1-6-1-10 0-18 7-19 17C3 34 0 40 0 45c0 7 6 13 13 13z"
        fill={`url(#${id})`}
      />
    </svg>
  );
}
