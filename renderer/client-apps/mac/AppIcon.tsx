import { useId } from 'react';
import './app-icon.css';

export type AppIconKind = 'messages' | 'facetime' | 'icloud' | 'mail' | 'appstore' | 'lock';

/**
 * An app's icon, drawn by TwoStep (never Apple's artwork): decoration only. Messages, FaceTime
 * and iCloud are small SVG drawings in the spirit of their 2015 icons, Tern Mail one of our own
 * (no real mail client's); the lock is drawn in CSS.
 */
export function AppIcon({ kind, size = 'large' }: { kind: AppIconKind; size?: 'large' | 'small' }) {
  const Drawing = kind in DRAWINGS ? DRAWINGS[kind as keyof typeof DRAWINGS] : null;
  return (
    <span className={`app-icon app-icon--${kind} app-icon--${size}${Drawing ? ' app-icon--drawn' : ''}`} aria-hidden="true">
      {Drawing && <Drawing />}
    </span>
  );
}

/** A gradient id unique on the page (one page can show the same icon in the Dock and in a window). */
function useGradientId(): string {
  return `icon${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
}

/** A blue speech bubble on a light disc. */
function MessagesDrawing() {
  const id = useGradientId();
  return (
    <svg viewBox="0 0 64 64" focusable="false">
      <defs>
        <linearGradient id={`${id}-disc`} x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor="#fdfdfd" />
          <stop offset="1" stopColor="#dfe4ea" />
        </linearGradient>
        <linearGradient id={`${id}-bubble`} x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor="#6ec8ff" />
          <stop offset="1" stopColor="#1a7ff2" />
        </linearGradient>
      </defs>
      <circle cx="32" cy="32" r="30" fill={`url(#${id}-disc)`} stroke="#c2c9d1" strokeWidth="1" />
      <path
        d="M32 13c-12.2 0-22 7.9-22 17.7 0 5.6 3.2 10.6 8.3 13.8-.5 3.2-2.3 6.2-4.8 8.2 4.7-.2 8.9-2 11.7-4.6 2.1.5 4.4.8 6.8.8 12.2 0 22-7.9 22-17.7S44.2 13 32 13z"
        fill={`url(#${id}-bubble)`}
      />
      <ellipse cx="27" cy="24" rx="11" ry="5" fill="#fff" opacity="0.25" />
    </svg>
  );
}

/** A white video camera on a green tile. */
function FaceTimeDrawing() {
  const id = useGradientId();
  return (
    <svg viewBox="0 0 64 64" focusable="false">
      <defs>
        <linearGradient id={`${id}-tile`} x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor="#7be26b" />
          <stop offset="1" stopColor="#1fae3a" />
        </linearGradient>
      </defs>
      <rect x="2" y="2" width="60" height="60" rx="14" fill={`url(#${id}-tile)`} />
      <rect x="12" y="22" width="26" height="20" rx="4" fill="#fff" />
      <path d="M40 29.5 52 22.5v19L40 34.5z" fill="#fff" />
    </svg>
  );
}

/** A blue cloud on a white tile. */
function ICloudDrawing() {
  const id = useGradientId();
  return (
    <svg viewBox="0 0 64 64" focusable="false">
      <defs>
        <linearGradient id={`${id}-tile`} x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor="#ffffff" />
          <stop offset="1" stopColor="#e3ecf6" />
        </linearGradient>
        <linearGradient id={`${id}-cloud`} x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor="#6dc0fb" />
          <stop offset="1" stopColor="#2c85e6" />
        </linearGradient>
      </defs>
      <rect x="2" y="2" width="60" height="60" rx="14" fill={`url(#${id}-tile)`} stroke="#c7d4e3" strokeWidth="1" />
      <path
        d="M19 44c-5 0-8.5-3.4-8.5-7.8 0-4.2 3.2-7.5 7.4-7.8 1-6.3 6.3-10.9 12.7-10.9 5.3 0 9.8 3.1 11.8 7.8 1-.3 2-.4 3-.4 5.7 0 10.1 4.3 10.1 9.6S51.1 44 45.4 44z"
        fill={`url(#${id}-cloud)`}
      />
    </svg>
  );
}

/** Tern Mail, the made-up third-party mail app: a tern gliding over an envelope. */
function TernMailDrawing() {
  const id = useGradientId();
  return (
    <svg viewBox="0 0 64 64" focusable="false">
      <defs>
        <linearGradient id={`${id}-sky`} x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor="#2bb3a3" />
          <stop offset="1" stopColor="#0f6e7c" />
        </linearGradient>
      </defs>
      <rect x="2" y="2" width="60" height="60" rx="14" fill={`url(#${id}-sky)`} />
      <rect x="12" y="30" width="40" height="24" rx="3" fill="#fdf8ec" />
      <path d="M12 31 L32 45 L52 31" fill="none" stroke="#d9a441" strokeWidth="2.5" strokeLinejoin="round" />
      <path d="M10 20 C20 12 26 16 32 21 C38 14 46 10 56 14 C46 15 40 19 34 25 L31 25 C26 20 19 18 10 20 Z" fill="#ffffff" />
      <path d="M31 21 L29 18 L33 19 Z" fill="#1d2b36" />
      <path d="M33 19 L39 18.5 L33 20.5 Z" fill="#f06a3b" />
    </svg>
  );
}

/** The App Store (issue 19), our own drawing: a white arrow into a tray on a blue disc. */
function AppStoreDrawing() {
  const id = useGradientId();
  return (
    <svg viewBox="0 0 64 64" focusable="false">
      <defs>
        <linearGradient id={`${id}-disc`} x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor="#5fc2fb" />
          <stop offset="1" stopColor="#1473e6" />
        </linearGradient>
      </defs>
      <circle cx="32" cy="32" r="30" fill={`url(#${id}-disc)`} stroke="#0f5fc2" strokeWidth="1" />
      <path d="M32 13v24M22 28l10 10 10-10" fill="none" stroke="#fff" strokeWidth="4.5" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M17 38v7a3 3 0 0 0 3 3h24a3 3 0 0 0 3-3v-7" fill="none" stroke="#fff" strokeWidth="4" strokeLinecap="round" />
    </svg>
  );
}

const DRAWINGS = { messages: MessagesDrawing, facetime: FaceTimeDrawing, icloud: ICloudDrawing, mail: TernMailDrawing, appstore: AppStoreDrawing };
