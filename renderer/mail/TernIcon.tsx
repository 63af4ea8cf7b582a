/**
 * Tern Mail's icon: our own drawing of a tern gliding over an envelope (no artwork of any real
 * mail client). Decoration only.
 */
export function TernIcon({ size = 56 }: { size?: number }) {
  return (
    <svg className="tern-icon" width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id="tern-sky" x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor="#2bb3a3" />
          <stop offset="1" stopColor="#0f6e7c" />
        </linearGradient>
      </defs>
      <rect x="2" y="2" width="60" height="60" rx="14" fill="url(#tern-sky)" />
      <rect x="12" y="30" width="40" height="24" rx="3" fill="#fdf8ec" />
      <path d="M12 31 L32 45 L52 31" fill="none" stroke="#d9a441" strokeWidth="2.5" strokeLinejoin="round" />
      <path d="M10 20 C20 12 26 16 32 21 C38 14 46 10 56 14 C46 15 40 19 34 25 L31 25 C26 20 19 18 10 20 Z" fill="#ffffff" />
      <path d="M31 21 L29 18 L33 19 Z" fill="#1d2b36" />
      <path d="M33 19 L39 18.5 L33 20.5 Z" fill="#f06a3b" />
    </svg>
  );
}
