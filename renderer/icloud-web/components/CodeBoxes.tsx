import { useId } from 'react';

/**
 * The code as iCloud.com asked for it: one box per digit. One real field (one label; paste and
 * one-time-code autofill work; a screen reader reads one value) lies over the drawn boxes, and
 * keeps only digits, at most `length`.
 */
export function CodeBoxes({ label, length, value, onValue, invalid, errorId, disabled }: {
  label: string;
  length: 4 | 6;
  value: string;
  onValue: (value: string) => void;
  invalid: boolean;
  errorId: string;
  disabled?: boolean;
}) {
  const id = `icw-code-${useId()}`;
  return (
    <div className={`icw-code${invalid ? ' icw-code--invalid' : ''}`}>
      <label htmlFor={id} className="icw-code__label">
        {label}
      </label>
      <div className={`icw-code__boxes icw-code__boxes--${length}`}>
        <input
          id={id}
          className="icw-code__input"
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
          maxLength={length}
          value={value}
          disabled={disabled}
          onChange={(event) => onValue(event.target.value.replace(/\D/g, '').slice(0, length))}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? errorId : undefined}
        />
        {Array.from({ length }, (_, i) => (
          <span key={i} className={`icw-code__box${i === Math.min(value.length, length - 1) ? ' icw-code__box--next' : ''}`} aria-hidden="true">
            {value[i] ?? ''}
          </span>
        ))}
      </div>
    </div>
  );
}
