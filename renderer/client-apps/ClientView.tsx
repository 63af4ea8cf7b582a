import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from './mac/Spinner.js';
import { useClient } from './context.js';
import type { ClientView as View } from './store.js';

/** Picks what the window shows for its state; "loading" only until the first answer. */
export function ClientView({ views }: { views: Partial<Record<View, ReactNode>> & { 'sign-in': ReactNode; 'signed-in': ReactNode } }) {
  const { t } = useTranslation();
  const view = useClient((s) => s.view);
  if (view === 'loading') {
    return (
      <p className="client-loading">
        <Spinner /> {t('clientApps.loading')}
      </p>
    );
  }
  return <>{views[view] ?? views['sign-in']}</>;
}
