import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { APP_STORE_SECTIONS, useAppStore, useAppStoreApi, type AppStoreSection } from '../store.js';

/**
 * The App Store's toolbar: back and forward (decoration), the sections as tabs (Featured, Top
 * Charts, Categories, Purchased, Updates — arrow keys move between them, as a tab list does),
 * and the search field's place.
 */
export function Toolbar({ panelId }: { panelId: string }) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const section = useAppStore((s) => s.section);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const index = APP_STORE_SECTIONS.indexOf(section);
    const next = APP_STORE_SECTIONS[(index + step + APP_STORE_SECTIONS.length) % APP_STORE_SECTIONS.length] as AppStoreSection;
    store.getState().setSection(next);
    document.getElementById(`${panelId}-${next}`)?.focus();
  }

  return (
    <div className="store-toolbar">
      <span className="syspref-toolbar__nav" aria-hidden="true">
        <span className="syspref-toolbar__button">‹</span>
        <span className="syspref-toolbar__button">›</span>
      </span>
      <div className="store-toolbar__tabs" role="tablist" aria-label={t('places.appStore.toolbar.label')} onKeyDown={onKeyDown}>
        {APP_STORE_SECTIONS.map((s) => (
          <button
            key={s}
            id={`${panelId}-${s}`}
            type="button"
            role="tab"
            className="store-toolbar__tab"
            aria-selected={section === s}
            aria-controls={panelId}
            tabIndex={section === s ? 0 : -1}
            onClick={() => store.getState().setSection(s)}
          >
            <span className={`store-toolbar__icon store-toolbar__icon--${s}`} aria-hidden="true" />
            {t(`places.appStore.toolbar.${s}`)}
          </button>
        ))}
      </div>
      <span className="syspref-toolbar__search" aria-hidden="true" />
    </div>
  );
}
