import { useId, useRef, type FormEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useModalFocus } from '../../shared/use-modal-focus.js';

/** Step-up: the dialog asks for the current password before the change goes through. */
export interface PasswordPrompt {
  value: string;
  onValue: (value: string) => void;
  /** The last try was refused as a wrong password. */
  invalid: boolean;
}

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  /** An error of the confirmed action, shown inside the dialog. */
  error?: string | null;
  /** For a security change: the current password, asked for again. */
  password?: PasswordPrompt;
  /** The confirm button's look: red for what cannot be undone, blue for the rest. */
  tone?: 'danger' | 'primary';
}

/**
 * A confirmation in role="alertdialog": the page behind it is inert, focus starts on Cancel
 * (the safe choice) — or in the password field when it asks for one — Tab stays inside, Escape
 * cancels, and focus returns where it was.
 */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel, busy = false, error = null, password, tone = 'danger' }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const { layer, dialogRef, onKeyDown } = useModalFocus({
    layerClassName: 'dialog-layer',
    onEscape: onCancel,
    initialFocus: password ? passwordRef : cancelRef,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!busy) onConfirm();
  }

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
        <form onSubmit={submit} noValidate>
          <h2 id={`${id}-title`} className="dialog__title">
            {title}
          </h2>
          <div id={`${id}-body`} className="dialog__body">
            {children}
            {password && <p>{t('stepUp.hint')}</p>}
          </div>
          {password && (
            <div className={`field${password.invalid ? ' field--invalid' : ''}`}>
              <label htmlFor={`${id}-password`} className="field__label">
                {t('stepUp.password')}
              </label>
              <input
                ref={passwordRef}
                id={`${id}-password`}
                name="currentPassword"
                className="field__input"
                type="password"
                autoComplete="current-password"
                value={password.value}
                onChange={(event) => password.onValue(event.target.value)}
                aria-invalid={password.invalid || undefined}
                aria-describedby={error ? `${id}-error` : undefined}
              />
            </div>
          )}
          {error && (
            <p id={`${id}-error`} role="alert" className="form-error">
              {error}
            </p>
          )}
          <div className="dialog__actions">
            <button ref={cancelRef} type="button" className="button" onClick={onCancel}>
              {t('common.cancel')}
            </button>
            <button type="submit" className={`button button--${tone}`} aria-disabled={busy || undefined}>
              {confirmLabel}
            </button>
          </div>
        </form>
      </div>
    </div>,
    layer,
  );
}
