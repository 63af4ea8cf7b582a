import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../preload/contract/error-codes.js';
import { MAC_OS_VERSIONS, type MacOsVersion } from '../../../preload/contract/presenter.js';
import { appApi } from '../../shared/app-api.js';
import { isPresenterState, receivePresenterState, usePresenter } from '../../shared/presenter.js';
import { toPayload } from '../store.js';

/**
 * Scenarios ▸ This Mac runs: OS X 10.11 El Capitan or later, or 10.10 Yosemite — how Messages
 * and FaceTime take a two-factor code (in the app, or after the password). Main keeps the
 * choice with the presenter's other settings, so every page and the service see the same Mac.
 * The result is told in the section's one status line (a second live region in the same
 * section would make a screen reader announce two things at once), so it reports up.
 */
export function MacOsScenario({ onChosen, onError }: { onChosen: (version: MacOsVersion) => void; onError: (error: ErrorPayload) => void }) {
  const { t } = useTranslation();
  const version = usePresenter((s) => s?.macOs ?? '10.11');

  async function choose(next: MacOsVersion) {
    try {
      const state = await appApi.setMacOs({ version: next });
      if (isPresenterState(state)) receivePresenterState(state);
      onChosen(next);
    } catch (caught) {
      onError(toPayload(caught));
    }
  }

  return (
    <li className="scenario">
      <div className="scenario__action">
        <label htmlFor="scenario-mac-os" className="scenario__label">
          {t('twoFactorApps.macOs.label')}
        </label>
        <select
          id="scenario-mac-os"
          className="select"
          value={version}
          aria-describedby="help-mac-os"
          onChange={(event) => void choose(event.target.value as MacOsVersion)}
        >
          {MAC_OS_VERSIONS.map((v) => (
            <option key={v} value={v}>
              {t(`twoFactorApps.macOs.${v}`)}
            </option>
          ))}
        </select>
      </div>
      <p id="help-mac-os" className="scenario__help">
        {t('twoFactorApps.macOs.help')}
      </p>
    </li>
  );
}
