import { currentLanguage } from '../i18n/index.js';
import { appApi } from '../shared/app-api.js';

/**
 * Opens the account site: the desktop app opens the default browser itself; browser mode
 * answers with the address, which the page opens in a new tab.
 */
export async function openAccountSite(page: 'generate' | 'manage', label?: string): Promise<void> {
  const { url, opened } = await appApi.openAccountSite({ page, lang: currentLanguage(), ...(label ? { label } : {}) });
  if (!opened) window.open(url, '_blank', 'noopener');
}
