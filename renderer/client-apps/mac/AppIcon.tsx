export type AppIconKind = 'messages' | 'facetime' | 'icloud' | 'mail' | 'lock';

/** An app's icon drawn in CSS (no Apple artwork): decoration only. */
export function AppIcon({ kind, size = 'large' }: { kind: AppIconKind; size?: 'large' | 'small' }) {
  return <span className={`app-icon app-icon--${kind} app-icon--${size}`} aria-hidden="true" />;
}
