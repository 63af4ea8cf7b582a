import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../shared/LanguageSwitch.js';
import { hasNativeFrame } from './shell.js';
import { useStagedWindow, type StagedWindow } from './window-host.js';

interface WindowProps {
  /** The title bar's text. */
  title: string;
  /** The window's heading (the app's name), when it differs from the title bar's text. */
  heading?: string;
  /** A unified toolbar under the title (preference panes, System Preferences' buttons). */
  toolbar?: ReactNode;
  className?: string;
  children: ReactNode;
}

/**
 * A Mac window drawn in CSS: the title bar with its three traffic lights and the centered
 * title, then the content. On its own page it is the page (main landmark, h1, the simulation
 * notice and the language switch below); on the stage it is one window among others (see
 * window-host.ts).
 */
export function Window({ title, heading, toolbar, className, children }: WindowProps) {
  const staged = useStagedWindow();
  return staged ? (
    <StagedFrame staged={staged} title={title} heading={heading ?? title} toolbar={toolbar} className={className}>
      {children}
    </StagedFrame>
  ) : (
    <PageFrame title={title} heading={heading ?? title} toolbar={toolbar} className={className}>
      {children}
    </PageFrame>
  );
}

type FrameProps = Omit<WindowProps, 'heading'> & { heading: string };

function PageFrame({ title, heading, toolbar, className, children }: FrameProps) {
  const { t } = useTranslation();
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
          {heading === title ? (
            <h1 className="mac-titlebar__title">{title}</h1>
          ) : (
            <>
              <span className="mac-titlebar__title" aria-hidden="true">
                {title}
              </span>
              <h1 className="visually-hidden">{heading}</h1>
            </>
          )}
        </div>
        {toolbar}
      </header>
      <main className="mac-window__content">{children}</main>
      {/* A landmark of its own (contentinfo), so no text of the page sits outside one. */}
      <footer className="mac-window__notice">
        <span>{t('clientApps.notice')}</span>
        <LanguageSwitch />
      </footer>
    </div>
  );
}

function StagedFrame({ staged, title, heading, toolbar, className, children }: FrameProps & { staged: StagedWindow }) {
  const { t } = useTranslation();
  const { attachFrame, titleId, onTitlePointerDown, onClose } = staged;
  return (
    <div ref={attachFrame} className={`mac-window mac-window--staged${className ? ` ${className}` : ''}`}>
      <header className={`mac-titlebar${toolbar ? ' mac-titlebar--unified' : ''}`} onPointerDown={onTitlePointerDown}>
        <div className="mac-titlebar__bar">
          <span className="mac-traffic-lights">
            <button
              type="button"
              className="mac-traffic-light mac-traffic-light--close"
              aria-label={t('stage.closeWindow', { window: heading })}
              // A press on the button is not the start of a drag.
              onPointerDown={(event) => event.stopPropagation()}
              onClick={onClose}
            />
            <span className="mac-traffic-light mac-traffic-light--minimize" aria-hidden="true" />
            <span className="mac-traffic-light mac-traffic-light--zoom" aria-hidden="true" />
          </span>
          {heading === title ? (
            <h2 id={titleId} className="mac-titlebar__title">
              {title}
            </h2>
          ) : (
            <>
              <span className="mac-titlebar__title" aria-hidden="true">
                {title}
              </span>
              <h2 id={titleId} className="visually-hidden">
                {heading}
              </h2>
            </>
          )}
        </div>
        {toolbar}
      </header>
      <div className="mac-window__content">{children}</div>
    </div>
  );
}
