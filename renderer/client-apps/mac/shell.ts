/**
 * In the desktop app the window has its native title bar, so the drawn one is hidden; in
 * browser mode the page IS the window and draws its own.
 */
export function hasNativeFrame(): boolean {
  return typeof window !== 'undefined' && window.twostep !== undefined;
}
