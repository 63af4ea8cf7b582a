import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useStage, useStageStore } from './stage-store.js';

/** The stage's own presenter tools, in the control center's Presenter section: large type, large code. */
export function StageTools() {
  const { t } = useTranslation();
  const store = useStageStore();
  const largeType = useStage((s) => s.largeType);
  const largeCode = useStage((s) => s.largeCode);
  const id = useId();
  return (
    <div className="presenter__tools">
      <p className="presenter__tool">
        <input id={`${id}-type`} type="checkbox" checked={largeType} onChange={(e) => store.getState().setTool('largeType', e.target.checked)} aria-describedby={`${id}-type-help`} />
        <label htmlFor={`${id}-type`}>{t('stage.largeType')}</label>
      </p>
      <p id={`${id}-type-help`} className="scenario__help">
        {t('stage.largeTypeHelp')}
      </p>
      <p className="presenter__tool">
        <input id={`${id}-code`} type="checkbox" checked={largeCode} onChange={(e) => store.getState().setTool('largeCode', e.target.checked)} />
        <label htmlFor={`${id}-code`}>{t('device.largeCode')}</label>
      </p>
    </div>
  );
}
