import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useStage, useStageStore } from './stage-store.js';

/** The stage's own presenter tool, in the control center's Presenter section: large code on the iPhone. */
export function StageTools() {
  const { t } = useTranslation();
  const store = useStageStore();
  const largeCode = useStage((s) => s.largeCode);
  const id = useId();
  return (
    <p className="presenter__tool">
      <input id={`${id}-code`} type="checkbox" checked={largeCode} onChange={(e) => store.getState().setTool('largeCode', e.target.checked)} />
      <label htmlFor={`${id}-code`}>{t('device.largeCode')}</label>
    </p>
  );
}
