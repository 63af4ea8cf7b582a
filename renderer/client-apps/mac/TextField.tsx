import { useId, type InputHTMLAttributes, type Ref } from 'react';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onValue: (value: string) => void;
  /** Marks the field wrong (aria-invalid) and points it at the message (aria-describedby). */
  invalid?: boolean;
  errorId?: string;
  /** Label beside the field (Mac forms) or visually hidden with a placeholder (iCloud). */
  labelStyle?: 'beside' | 'hidden';
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled Mac text field: its accessible name is exactly its label. */
export function TextField({ label, value, onValue, invalid = false, errorId, labelStyle = 'beside', inputRef, className, ...rest }: TextFieldProps) {
  const id = `mac-field-${useId()}`;
  return (
    <div className={`mac-field mac-field--${labelStyle}${invalid ? ' mac-field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={labelStyle === 'hidden' ? 'visually-hidden' : 'mac-field__label'}>
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        className="mac-field__input"
        value={value}
        onChange={(event) => onValue(event.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid && errorId ? errorId : undefined}
        {...rest}
      />
    </div>
  );
}
