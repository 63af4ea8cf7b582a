import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { PushButton } from './PushButton.js';
import { hasNativeFrame } from './shell.js';

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
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A Mac alert sheet: it slides down from the title bar, the window behind it is inert, focus
 * starts on the default button and stays inside (Tab wraps), Escape is Cancel, Return is the
 * default button (a focused other button still answers to its own key), and focus goes back
 * where it was when the sheet closes. Its accessible name is its title.
 */
export function Sheet({ title, children, icon, cancelLabel, defaultLabel, onCancel, onDefault, busy = false }: SheetProps) {
  const id = useId();
  const sheetRef = useRef<HTMLDivElement>(null);
  const defaultRef = useRef<HTMLButtonElement>(null);
  const [layer] = useState(() => {
    const element = document.createElement('div');
    element.className = `mac-sheet-layer${hasNativeFrame() ? ' mac-sheet-layer--native-frame' : ''}`;
    return element;
  });

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    document.body.appendChild(layer);
    const madeInert: Element[] = [];
    for (const child of Array.from(document.body.children)) {
      if (child !== layer && !child.hasAttribute('inert')) {
        child.setAttribute('inert', '');
        madeInert.push(child);
      }
    }
    defaultRef.current?.focus();
    return () => {
      for (const child of madeInert) child.removeAttribute('inert');
      layer.remove();
      if (opener?.isConnected) opener.focus();
    };
  }, [layer]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (!busy) onCancel();
      return;
    }
    if (event.key === 'Enter') {
      const focused = document.activeElement;
      if (focused instanceof HTMLButtonElement && focused !== defaultRef.current) return;
      event.preventDefault();
      if (!busy) onDefault();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = Array.from(sheetRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return createPortal(
    <div
      ref={sheetRef}
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
