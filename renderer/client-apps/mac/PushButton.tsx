import type { ButtonHTMLAttributes, Ref } from 'react';

interface PushButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** The default button: blue, and the one Return presses. */
  isDefault?: boolean;
  /** A call is running: the button stays focusable but does nothing. */
  busy?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

/** A rounded Mac push button; the default one is blue. */
export function PushButton({ isDefault = false, busy = false, className, type = 'button', onClick, ...rest }: PushButtonProps) {
  return (
    <button
      type={type}
      className={`mac-button${isDefault ? ' mac-button--default' : ''}${className ? ` ${className}` : ''}`}
      aria-disabled={busy || undefined}
      onClick={(event) => {
        if (busy) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
      {...rest}
    />
  );
}

/** A button that looks like a link (Forgot Apple ID or password?, Didn't get a code?). */
export function LinkButton({ className, type = 'button', ...rest }: ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type={type} className={`mac-link-button${className ? ` ${className}` : ''}`} {...rest} />;
}
