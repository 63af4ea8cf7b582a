import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.js';
import { LanguageSwitch } from '../shared/LanguageSwitch.js';
import { presenterNow, usePresenter } from '../shared/presenter.js';
import { useStage, useStageStore } from './stage-store.js';
import { WINDOW_SPECS } from './windows.js';

function useMinuteTick(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/**
 * The Mac's menu bar: TwoStep's mark where the Apple menu would be, the name of the app in
 * front, and on the right the clock — TwoStep's clock, so time the presenter skipped shows —
 * the language switch of every page, and the control center's panel.
 */
export function MenuBar({ panelId }: { panelId: string }) {
  const { t } = useTranslation();
  const store = useStageStore();
  const front = useStage((s) => s.front);
  const panelOpen = useStage((s) => s.panelOpen);
  const skippedMs = usePresenter((s) => s?.skippedMs ?? 0);
  const now = presenterNow(useMinuteTick());
  const minutes = Math.round(skippedMs / 60_000);
  const clock = new Intl.DateTimeFormat(currentLanguage(), { weekday: 'short', hour: 'numeric', minute: '2-digit' }).format(now);

  return (
    <header className="menubar">
      <span className="menubar__mark" aria-hidden="true" />
      <p className="menubar__app">{front ? t(WINDOW_SPECS[front].nameKey) : t('stage.finder')}</p>
      <div className="menubar__right">
        {minutes > 0 && <span className="menubar__skipped">{t('stage.skipped', { minutes })}</span>}
        <p className="menubar__clock">
          <span className="visually-hidden">{t('stage.clock')} </span>
          <time dateTime={new Date(now).toISOString()}>{clock}</time>
        </p>
        <LanguageSwitch />
        <button
          type="button"
          className="menubar__button"
          aria-expanded={panelOpen}
          aria-controls={panelId}
          onClick={() => store.getState().setTool('panelOpen', !panelOpen)}
        >
          {t('stage.controlCenter')}
        </button>
      </div>
    </header>
  );
}
