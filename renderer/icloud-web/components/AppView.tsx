import type { ReactNode } from 'react';

/** An app of iCloud.com: its heading (which takes the focus when it opens) and its content. */
export function AppView({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  return (
    <section className={`icw-app${className ? ` ${className}` : ''}`} aria-labelledby="icw-title">
      <h1 id="icw-title" className="icw-app__title" tabIndex={-1}>
        {title}
      </h1>
      {children}
    </section>
  );
}
