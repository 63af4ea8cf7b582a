import { useId, useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useModalFocus } from '../../shared/use-modal-focus.js';
import { PushButton } from './PushButton.js';
import { hasNativeFrame } from './shell.js';
import { useStagedWindow } from './window-host.js';

interface SheetProps {
  title: string;
  children: ReactNode;
  /** The app's icon (drawn in CSS) at the sheet's left. */
  icon?: ReactNode;
  cancelLabel: string;
  defaultLabel: string;
  onCancel: () => void;
  onDefault: () => void;
  busy?: boolean;
  /** Where focus starts, when not on the default button (a sheet that asks for a code: its field). */
  initialFocus?: RefObject<HTMLElement | null>;
}

/**
 * A Mac alert sheet: it slides down from the title bar, the window behind it is inert (on the
 * stage, that window only), focus
 * starts on the default button and stays inside (Tab wraps), Escape is Cancel, Return is the
 * default button (a focused other button still answers to its own key), and focus goes back
 * where it was when the sheet closes. Its accessible name is its title.
 */
export function Sheet({ title, children, icon, cancelLabel, defaultLabel, onCancel, onDefault, busy = false, initialFocus }: SheetProps) {
  const id = useId();
  const defaultRef = useRef<HTMLButtonElement>(null);
  const staged = useStagedWindow();
  const { layer, dialogRef, onKeyDown } = useModalFocus({
    layerClassName: `mac-sheet-layer${staged ? ' mac-sheet-layer--staged' : hasNativeFrame() ? ' mac-sheet-layer--native-frame' : ''}`,
    ...(staged ? { scope: staged.frame } : {}),
    onEscape: () => {
      if (!busy) onCancel();
    },
    initialFocus: initialFocus ?? defaultRef,
    defaultButton: {
      ref: defaultRef,
      onActivate: () => {
        if (!busy) onDefault();
      },
    },
  });

  // A sheet hangs below the title bar and its toolbar (a preferences window's tabs stay in view).
  // In the layout's own pixels (offsetHeight), not the screen's: the stage scales its windows,
  // and a screen height would set the sheet that much lower than the title bar it hangs from.
  useLayoutEffect(() => {
    const header = (staged?.frame() ?? document).querySelector<HTMLElement>('.mac-titlebar');
    if (header) layer.style.setProperty('top', `${header.offsetHeight}px`);
  }, [layer, staged]);

  return createPortal(
    <div
      ref={dialogRef}
      className="mac-sheet"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      aria-busy={busy || undefined}
      onKeyDown={onKeyDown}
    >
      {icon && <div className="mac-sheet__icon">{icon}</div>}
      <div className="mac-sheet__body">
        <h2 id={`${id}-title`} className="mac-sheet__title">
          {title}
        </h2>
        <div id={`${id}-text`} className="mac-sheet__text">
          {children}
        </div>
        <div className="mac-sheet__buttons">
          <PushButton onClick={onCancel} busy={busy}>
            {cancelLabel}
          </PushButton>
          <PushButton ref={defaultRef} isDefault onClick={onDefault} busy={busy}>
            {defaultLabel}
          </PushButton>
        </div>
      </div>
    </div>,
    layer,
  );
}
