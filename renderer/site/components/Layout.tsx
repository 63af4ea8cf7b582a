import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Footer } from '../../shared/Footer.js';
import { useLocation } from '../router.js';
import { useSite } from '../store.js';
import { Link } from './Link.js';
import { TourBanner } from './TourBanner.js';

/**
 * Every page: the grey global navigation bar of the 2015 site (drawn by TwoStep: no Apple
 * artwork), the tour's banner when a presenter runs the tour, the content, and the footer with
 * the simulation notice and the language switch.
 */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const signedIn = useSite((s) => s.status === 'signed-in');
  const { pathname } = useLocation();
  const current = (path: string) => (pathname === path || pathname.startsWith(`${path}/`) ? 'page' : undefined);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="global-nav">
        <nav className="global-nav__inner" aria-label={t('nav.label')}>
          <Link to={signedIn ? '/account' : '/sign-in'} className="global-nav__brand">
            {t('app.brand')}
          </Link>
          <ul className="global-nav__links">
            <li>
              <Link to={signedIn ? '/account' : '/sign-in'} aria-current={current(signedIn ? '/account' : '/sign-in')}>
                {t('nav.manage')}
              </Link>
            </li>
            <li>
              <Link to="/unlock" aria-current={current('/unlock')}>
                {t('nav.reset')}
              </Link>
            </li>
          </ul>
          <span className="global-nav__tag">{t('app.simulation')}</span>
        </nav>
      </header>
      <TourBanner />
      <main id="main" className="content" tabIndex={-1}>
        {children}
      </main>
      <Footer />
    </>
  );
}

/** Moves focus to the page's heading (where a screen reader starts reading the new content). */
export function focusPageTitle(): void {
  document.getElementById('page-title')?.focus({ preventScroll: true });
}

/**
 * Where the keyboard goes on a new page or step: its form's first field (the chosen radio
 * button of a device list), else its default action (`data-default-action`: Copy, when a
 * password is shown), else its heading — so Enter goes on at once, and a screen reader hears
 * the field or the heading that says where it is.
 */
export function focusStep(): void {
  const main = document.getElementById('main');
  const field =
    main?.querySelector<HTMLElement>('form input[type="radio"]:checked') ??
    main?.querySelector<HTMLElement>('form input:not([type="hidden"]):not(:disabled), form select:not(:disabled), form textarea:not(:disabled)');
  const target = field ?? main?.querySelector<HTMLElement>('[data-default-action]');
  if (target) target.focus({ preventScroll: true });
  else focusPageTitle();
}

/**
 * After a step of a page changes in place (no new address), focus goes to the new step's
 * first field (see focusStep), so a keyboard user never falls back to the top of the page.
 * Nothing happens on the first render.
 */
export function useFocusFirstFieldOn(step: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    focusStep();
  }, [step]);
}

/**
 * A page's white card with its heading. Focus goes to its first field, default action or
 * heading (focusStep) when the page changes (App) or, with `focusOnMount`, when this card
 * replaces another on the same address (a form's result).
 */
export function Card({ title, children, wide = false, focusOnMount = false }: { title: string; children: ReactNode; wide?: boolean; focusOnMount?: boolean }) {
  useEffect(() => {
    if (focusOnMount) focusStep();
  }, [focusOnMount]);
  return (
    <div className={`card${wide ? ' card--wide' : ''}`}>
      <h1 id="page-title" className="card__title" tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}
