import { AppIcon } from '../client-apps/mac/AppIcon.js';

/** Tern Mail's icon in its Add Account panel: the same drawing as in the Dock. Decoration only. */
export function TernIcon() {
  return <AppIcon kind="mail" />;
}
