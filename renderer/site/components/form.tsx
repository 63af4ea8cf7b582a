import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode, ErrorPayload } from '../../../preload/contract/error-codes.js';
import { errorMessage } from '../../i18n/index.js';

/**
 * Form pieces shared by every page: a labelled field that can be marked wrong, and the
 * error shown next to the form in role="alert", always in the user's language.
 */

/** Which field an error code points at, per form (e.g. INCORRECT → the password field). */
export type CodeFields = Partial<Record<ErrorCode, string>>;

export interface FormError {
  /** The message beside the form. */
  message: string;
  /** Field name → its own message, or '' when the form's message is about it. */
  fields: Record<string, string>;
}

export function resolveError(payload: ErrorPayload | null, codeFields: CodeFields, t: (key: string) => string): FormError | null {
  if (!payload) return null;
  const fields: Record<string, string> = {};
  for (const field of payload.fields ?? []) {
    const name = field.path.split('.')[0] ?? '';
    const message = t(field.messageKey);
    if (!(name in fields)) fields[name] = message;
  }
  const codeField = codeFields[payload.code];
  if (codeField && !(codeField in fields)) fields[codeField] = '';
  // An input error with one field: that field's message says more than "invalid input".
  const fieldMessages = Object.values(fields).filter(Boolean);
  const message = payload.code === 'INVALID_INPUT' && fieldMessages.length === 1 ? fieldMessages[0]! : errorMessage(payload);
  if (payload.code === 'INVALID_INPUT' && fieldMessages.length === 1) {
    for (const key of Object.keys(fields)) if (fields[key] === message) fields[key] = '';
  }
  return { message, fields };
}

export function useFormErrorId(): string {
  return `${useId()}-error`;
}

export function ErrorAlert({ id, error }: { id: string; error: FormError | null }) {
  // The live region stays mounted so a new message is announced when it appears.
  return (
    <div id={id} role="alert" className={error ? 'form-error' : 'form-error form-error--empty'}>
      {error?.message}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="notice">
      {children}
    </div>
  );
}

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'name'> {
  name: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  error: FormError | null;
  errorId: string;
  hint?: string;
}

export function Field({ name, label, value, onValue, error, errorId, hint, className, ...rest }: FieldProps) {
  const id = `field-${useId()}-${name}`;
  const invalid = error !== null && name in error.fields;
  const own = invalid ? error.fields[name] : '';
  const described = [hint ? `${id}-hint` : '', own ? `${id}-error` : '', invalid ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${invalid ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input
        id={id}
        name={name}
        className="field__input"
        value={value}
        onChange={(event) => onValue(event.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={described || undefined}
        {...rest}
      />
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {own && (
        <p id={`${id}-error`} className="field__error">
          {own}
        </p>
      )}
    </div>
  );
}

/**
 * The Apple ID field of every sign-in-like form (sign in, support, unlock, account recovery): an
 * e-mail address the browser may fill in as the user name, never corrected or capitalised.
 */
export function AppleIdField(props: Omit<FieldProps, 'name' | 'label'>) {
  const { t } = useTranslation();
  return <Field name="appleId" label={t('signIn.appleId')} type="email" autoComplete="username" spellCheck={false} autoCapitalize="none" {...props} />;
}

/** A submit button that stays focusable while busy (the form ignores a second submit). */
export function SubmitButton({ children, busy, className }: { children: ReactNode; busy: boolean; className?: string }) {
  return (
    <button type="submit" className={`button button--primary${className ? ` ${className}` : ''}`} aria-disabled={busy || undefined}>
      {children}
    </button>
  );
}
