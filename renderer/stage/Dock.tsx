import { useTranslation } from 'react-i18next';
import { AppIcon } from '../client-apps/mac/AppIcon.js';
import { useOpener } from '../control/opener.js';
import { useStage } from './stage-store.js';
import { STAGE_WINDOWS, WINDOW_SPECS, type StageWindowId } from './windows.js';

/** The Dock: one button per app; a dot under the ones open. Clicking opens the app's window, or brings it to front. */
export function Dock() {
  const { t } = useTranslation();
  return (
    <nav className="dock" aria-label={t('stage.dock')}>
      <ul className="dock__items">
        {STAGE_WINDOWS.map((id) => (
          <DockItem key={id} id={id} name={t(WINDOW_SPECS[id].nameKey)} />
        ))}
      </ul>
    </nav>
  );
}

function DockItem({ id, name }: { id: StageWindowId; name: string }) {
  const { t } = useTranslation();
  const open = useOpener();
  const running = useStage((s) => s.windows[id].open);
  const stateId = `dock-${id}-state`;
  return (
    <li className="dock__item">
      <button
        type="button"
        className="dock__button"
        data-coach={`dock-${id}`}
        title={name}
        aria-label={name}
        aria-describedby={running ? stateId : undefined}
        onClick={() => void open(id)}
      >
        <AppIcon kind={WINDOW_SPECS[id].icon} />
      </button>
      <span id={stateId} className={`dock__dot${running ? ' dock__dot--on' : ''}`}>
        <span className="visually-hidden">{running ? t('stage.running') : ''}</span>
      </span>
    </li>
  );
}
