import { useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useModalFocus } from '../../shared/use-modal-focus.js';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  /** An error of the confirmed action, shown inside the dialog. */
  error?: string | null;
}

/**
 * A confirmation in role="alertdialog": the page behind it is inert, focus starts on Cancel
 * (the safe choice), Tab stays inside, Escape cancels, and focus returns where it was.
 */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel, busy = false, error = null }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const { layer, dialogRef, onKeyDown } = useModalFocus({ layerClassName: 'dialog-layer', onEscape: onCancel, initialFocus: cancelRef });

  return createPortal(
    <div className="dialog-backdrop">
      <div
        ref={dialogRef}
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`} className="dialog__title">
          {title}
        </h2>
        <div id={`${id}-body`} className="dialog__body">
          {children}
        </div>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button ref={cancelRef} type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button--danger" aria-disabled={busy || undefined} onClick={() => !busy && onConfirm()}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>,
    layer,
  );
}
