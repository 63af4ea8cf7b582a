import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasNativeFrame } from './shell.js';

interface WindowProps {
  /** The title bar's text. */
  title: string;
  /** The page's h1 (the app's name), when it differs from the title bar's text. */
  heading?: string;
  /** A unified toolbar under the title (preference panes, System Preferences' buttons). */
  toolbar?: ReactNode;
  className?: string;
  children: ReactNode;
}

/**
 * A Mac window drawn in CSS: the title bar with its three traffic lights (decoration only)
 * and the centered title, the content in the page's main landmark, and the small notice
 * that this is a simulation.
 */
export function Window({ title, heading, toolbar, className, children }: WindowProps) {
  const { t } = useTranslation();
  const h1 = heading ?? title;
  const native = hasNativeFrame();
  return (
    <div className={`mac-window${native ? ' mac-window--native-frame' : ''}${className ? ` ${className}` : ''}`}>
      <header className={`mac-titlebar${toolbar ? ' mac-titlebar--unified' : ''}`}>
        <div className="mac-titlebar__bar">
          <span className="mac-traffic-lights" aria-hidden="true">
            <span className="mac-traffic-light mac-traffic-light--close" />
            <span className="mac-traffic-light mac-traffic-light--minimize" />
            <span className="mac-traffic-light mac-traffic-light--zoom" />
          </span>
          {h1 === title ? (
            <h1 className="mac-titlebar__title">{title}</h1>
          ) : (
            <>
              <span className="mac-titlebar__title" aria-hidden="true">
                {title}
              </span>
              <h1 className="visually-hidden">{h1}</h1>
            </>
          )}
        </div>
        {toolbar}
      </header>
      <main className="mac-window__content">{children}</main>
      {/* A landmark of its own (contentinfo), so no text of the page sits outside one. */}
      <footer className="mac-window__notice">{t('clientApps.notice')}</footer>
    </div>
  );
}
