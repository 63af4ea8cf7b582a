import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';

/** What can take focus inside a modal (Tab cycles through these). */
const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface ModalFocusOptions {
  /** Class of the layer appended to <body> (or to `scope`) that the modal is portalled into (read once). */
  layerClassName: string;
  /**
   * What the modal is modal to: by default the whole page; a Mac sheet on the stage is modal to
   * its own window only, the other windows staying usable.
   */
  scope?: () => HTMLElement | null;
  /** Escape: the modal's cancel. */
  onEscape: () => void;
  /** Stop Escape here so an outer handler (e.g. a page shortcut) does not see it too. */
  stopEscapePropagation?: boolean;
  /** Focused on open; without it, the first `[data-autofocus]` element, else the first control. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** A default button: Return activates it, unless another button has focus (that button keeps its own key). */
  defaultButton?: { ref: RefObject<HTMLElement | null>; onActivate: () => void };
}

export interface ModalFocus {
  /** The element to portal the modal into. */
  layer: HTMLDivElement;
  /** Goes on the element with the dialog role. */
  dialogRef: RefObject<HTMLDivElement | null>;
  /** Goes on the same element. */
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

/**
 * The modal behaviour the site's confirmations, the control center's modals and the Mac sheets
 * share, written once so they cannot drift apart: while open the rest of the page (or of its
 * scope) is inert,
 * focus starts inside, Tab and Shift+Tab wrap inside, Escape cancels, and when it closes focus
 * goes back to where it was.
 */
export function useModalFocus({ layerClassName, scope, onEscape, stopEscapePropagation = false, initialFocus, defaultButton }: ModalFocusOptions): ModalFocus {
  const dialogRef = useRef<HTMLDivElement>(null);
  const [layer] = useState(() => {
    const element = document.createElement('div');
    element.className = layerClassName;
    return element;
  });

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = scope?.() ?? document.body;
    root.appendChild(layer);
    const madeInert: Element[] = [];
    for (const child of Array.from(root.children)) {
      if (child !== layer && !child.hasAttribute('inert')) {
        child.setAttribute('inert', '');
        madeInert.push(child);
      }
    }
    const dialog = dialogRef.current;
    const first = initialFocus
      ? initialFocus.current
      : (dialog?.querySelector<HTMLElement>('[data-autofocus]') ?? dialog?.querySelector<HTMLElement>(FOCUSABLE));
    first?.focus();
    return () => {
      for (const child of madeInert) child.removeAttribute('inert');
      layer.remove();
      if (opener?.isConnected) opener.focus();
    };
    // Once per opening: the initial focus is the one asked for when the modal opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layer]);

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (stopEscapePropagation) event.stopPropagation();
      onEscape();
      return;
    }
    if (event.key === 'Enter' && defaultButton) {
      const focused = document.activeElement;
      if (focused instanceof HTMLButtonElement && focused !== defaultButton.ref.current) return;
      event.preventDefault();
      defaultButton.onActivate();
      return;
    }
    if (event.key !== 'Tab') return;
    const dialog = dialogRef.current;
    const focusable = Array.from(dialog?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && (document.activeElement === first || !dialog?.contains(document.activeElement))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return { layer, dialogRef, onKeyDown };
}
