/** The Mac's spinning gear (asynchronous progress indicator), drawn in CSS; decoration only — the form says aria-busy. */
export function Spinner({ visible = true }: { visible?: boolean }) {
  return <span className={`mac-spinner${visible ? '' : ' mac-spinner--hidden'}`} aria-hidden="true" />;
}
