import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Footer } from '../../shared/Footer.js';
import { useSite } from '../store.js';
import { Link } from './Link.js';

/** Every page: the thin top bar, the content, and the footer with the simulation notice. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const signedIn = useSite((s) => s.status === 'signed-in');
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="top-bar">
        <div className="top-bar__inner">
          <Link to={signedIn ? '/account' : '/sign-in'} className="top-bar__brand">
            {t('app.brand')}
          </Link>
          <span className="top-bar__tag">{t('app.simulation')}</span>
        </div>
      </header>
      <main id="main" className="content" tabIndex={-1}>
        {children}
      </main>
      <Footer />
    </>
  );
}

/** A page's white card with its heading, which takes focus when the page changes. */
export function Card({ title, children, wide = false }: { title: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={`card${wide ? ' card--wide' : ''}`}>
      <h1 id="page-title" className="card__title" tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}
