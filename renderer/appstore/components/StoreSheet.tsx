import { useId, useLayoutEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { AppIcon } from '../../client-apps/mac/AppIcon.js';
import { PushButton } from '../../client-apps/mac/PushButton.js';
import { Spinner } from '../../client-apps/mac/Spinner.js';
import { hasNativeFrame } from '../../client-apps/mac/shell.js';
import { useStagedWindow } from '../../client-apps/mac/window-host.js';
import { useModalFocus } from '../../shared/use-modal-focus.js';

interface StoreSheetProps {
  title: string;
  /** The sheet's explanation, under the title. */
  text: string;
  children: ReactNode;
  cancelLabel: string;
  defaultLabel: string;
  onCancel: () => void;
  onSubmit: () => void;
  busy: boolean;
  /** A link at the buttons' left (Didn't get a code?). */
  extra?: ReactNode;
}

/**
 * A sheet of the Mac App Store with a form in it ("Sign in to download from the App Store",
 * "Verify Your Identity"): it hangs from the title bar, the window behind it is inert (on the
 * stage that window only), focus starts in its first field and stays inside, Escape is Cancel,
 * Return submits, and focus goes back where it was when it closes. As the alert sheets of
 * client-apps/mac/Sheet.tsx, with fields.
 */
export function StoreSheet({ title, text, children, cancelLabel, defaultLabel, onCancel, onSubmit, busy, extra }: StoreSheetProps) {
  const id = useId();
  const staged = useStagedWindow();
  const firstField = useRef<HTMLElement | null>(null);
  const { layer, dialogRef, onKeyDown } = useModalFocus({
    layerClassName: `mac-sheet-layer${staged ? ' mac-sheet-layer--staged' : hasNativeFrame() ? ' mac-sheet-layer--native-frame' : ''}`,
    ...(staged ? { scope: staged.frame } : {}),
    onEscape: () => {
      if (!busy) onCancel();
    },
  });

  // Below the title bar and the toolbar, as the alert sheets hang.
  useLayoutEffect(() => {
    const header = (staged?.frame() ?? document).querySelector<HTMLElement>('.mac-titlebar');
    if (header) layer.style.setProperty('top', `${header.getBoundingClientRect().height}px`);
    firstField.current = dialogRef.current?.querySelector<HTMLElement>('input:not([type="hidden"])') ?? null;
  }, [layer, staged, dialogRef]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!busy) onSubmit();
  }

  return createPortal(
    <div ref={dialogRef} className="mac-sheet store-sheet" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} onKeyDown={onKeyDown}>
      <div className="mac-sheet__icon">
        <AppIcon kind="appstore" />
      </div>
      <form className="mac-sheet__body store-sheet__body" onSubmit={submit} noValidate aria-busy={busy || undefined}>
        <h2 id={`${id}-title`} className="mac-sheet__title">
          {title}
        </h2>
        <p id={`${id}-text`} className="mac-sheet__text">
          {text}
        </p>
        {children}
        <div className="mac-sheet__buttons store-sheet__buttons">
          {extra && <span className="store-sheet__extra">{extra}</span>}
          <Spinner visible={busy} />
          <PushButton onClick={onCancel} busy={busy}>
            {cancelLabel}
          </PushButton>
          <PushButton type="submit" isDefault busy={busy}>
            {defaultLabel}
          </PushButton>
        </div>
      </form>
    </div>,
    layer,
  );
}
