import { useTranslation } from 'react-i18next';
import { Modal } from './Modal.js';

/** Reset Demo's confirmation: an alert dialog whose focus starts on Cancel, the safe choice. */
export function ResetDialog({ busy, onConfirm, onCancel }: { busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal role="alertdialog" title={t('control.reset.title')} description={<p>{t('control.reset.body')}</p>} onCancel={onCancel}>
      <div className="modal__actions">
        <button type="button" className="button button--secondary" data-autofocus onClick={onCancel}>
          {t('control.reset.cancel')}
        </button>
        <button type="button" className="button button--danger" aria-disabled={busy || undefined} onClick={() => !busy && onConfirm()}>
          {t('control.reset.confirm')}
        </button>
      </div>
    </Modal>
  );
}
