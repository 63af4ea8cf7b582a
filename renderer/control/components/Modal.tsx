import { useId, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useModalFocus } from '../../shared/use-modal-focus.js';

interface ModalProps {
  role: 'dialog' | 'alertdialog';
  title: string;
  /** The first part of the body, read with the title (aria-describedby). */
  description: ReactNode;
  children: ReactNode;
  onCancel: () => void;
}

/**
 * A modal sheet: the page behind is inert, focus starts on the element marked
 * `data-autofocus` (else the first control), Tab stays inside, Escape cancels, and focus
 * returns where it was when the sheet closes.
 */
export function Modal({ role, title, description, children, onCancel }: ModalProps) {
  const id = useId();
  const { layer, dialogRef, onKeyDown } = useModalFocus({ layerClassName: 'modal-layer', onEscape: onCancel, stopEscapePropagation: true });

  return createPortal(
    <div className="modal-backdrop">
      <div
        ref={dialogRef}
        className="modal"
        role={role}
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-description`}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`} className="modal__title">
          {title}
        </h2>
        <div id={`${id}-description`} className="modal__description">
          {description}
        </div>
        {children}
      </div>
    </div>,
    layer,
  );
}
