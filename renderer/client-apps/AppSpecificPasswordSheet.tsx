import { useTranslation } from 'react-i18next';
import { AppIcon, type AppIconKind } from './mac/AppIcon.js';
import { Sheet } from './mac/Sheet.js';
import { useClient, useClientApp } from './context.js';
import { openAccountSiteTab } from '../shared/account-site-tab.js';

/**
 * SPEC §2 step 3, word for word: "App-specific password required", Cancel and Create. Create
 * opens the account site's generate page with the label filled in ("iMessage and FaceTime" in
 * the user's language); the sheet closes and the password field waits, empty, for the paste.
 */
export function AppSpecificPasswordSheet({ icon }: { icon: AppIconKind }) {
  const { t } = useTranslation();
  const { store } = useClientApp();
  const open = useClient((s) => s.sheetOpen);
  const busy = useClient((s) => s.busy);
  if (!open) return null;
  return (
    <Sheet
      title={t('clientApps.sheet.title')}
      icon={<AppIcon kind={icon} />}
      cancelLabel={t('clientApps.cancel')}
      defaultLabel={t('clientApps.create')}
      busy={busy}
      onCancel={() => store.getState().closeSheet()}
      onDefault={() => void store.getState().createAppPassword(() => openAccountSiteTab({ page: 'generate', label: t('clientApps.sheet.label') }))}
    >
      <p>{t('clientApps.sheet.text')}</p>
    </Sheet>
  );
}
