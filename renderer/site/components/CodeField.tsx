import { useId } from 'react';
import type { FormError } from './form.js';

interface CodeFieldProps {
  name: string;
  label: string;
  /** 4 for two-step verification, 6 for two-factor authentication. */
  length: 4 | 6;
  value: string;
  onValue: (value: string) => void;
  error: FormError | null;
  errorId: string;
}

/**
 * The verification code as the 2015 site asked for it: one box per digit. It is one real field
 * (one label, paste and one-time-code autofill work, a screen reader reads one value) lying
 * over the drawn boxes; only digits are kept (a pasted " 0981" or "12 34" loses its spaces,
 * not a digit), at most `length` of them.
 */
export function CodeField({ name, label, length, value, onValue, error, errorId }: CodeFieldProps) {
  const id = `field-${useId()}-${name}`;
  const invalid = error !== null && name in error.fields;
  const own = invalid ? error.fields[name] : '';
  const digits = value.split('');
  return (
    <div className={`field field--code-boxes${invalid ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <div className={`code-boxes code-boxes--${length}`}>
        <input
          id={id}
          name={name}
          className="code-boxes__input"
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
          value={value}
          // No maxLength: it would cut a paste such as " 0981" to " 098" before the space is dropped.
          // Everything but the digits goes first, then the first `length` digits fill the boxes.
          onChange={(event) => onValue(event.target.value.replace(/\D/g, '').slice(0, length))}
          aria-invalid={invalid || undefined}
          aria-describedby={[own ? `${id}-error` : '', invalid ? errorId : ''].filter(Boolean).join(' ') || undefined}
        />
        {Array.from({ length }, (_, i) => (
          <span key={i} className={`code-boxes__box${i === Math.min(digits.length, length - 1) ? ' code-boxes__box--next' : ''}`} aria-hidden="true">
            {digits[i] ?? ''}
          </span>
        ))}
      </div>
      {own && (
        <p id={`${id}-error`} className="field__error">
          {own}
        </p>
      )}
    </div>
  );
}
