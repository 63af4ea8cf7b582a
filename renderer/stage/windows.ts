import type { ClientKind } from '../../preload/contract/models.js';
import type { AppIconKind } from '../client-apps/mac/AppIcon.js';

/** The Mac windows of the stage, in the Dock's order. */
export const STAGE_WINDOWS = ['messages', 'facetime', 'icloud', 'mail'] as const;
export type StageWindowId = (typeof STAGE_WINDOWS)[number];

export interface StageWindowSpec {
  clientKind: ClientKind;
  /** The app's name (catalog key), for the Dock and the menu bar. */
  nameKey: string;
  icon: AppIconKind;
  /**
   * The window's size in CSS pixels, as the Mac original (the desktop app's windows have the
   * same): fixed, whatever the size of the browser — a Mac preferences window does not stretch.
   */
  width: number;
  height: number;
  /** Where it first opens on the desktop: cascaded, as OS X places new windows. */
  x: number;
  y: number;
}

export const WINDOW_SPECS: Record<StageWindowId, StageWindowSpec> = {
  messages: { clientKind: 'messages', nameKey: 'clientApps.messages.name', icon: 'messages', width: 680, height: 500, x: 32, y: 24 },
  facetime: { clientKind: 'facetime', nameKey: 'clientApps.facetime.name', icon: 'facetime', width: 660, height: 470, x: 72, y: 56 },
  icloud: { clientKind: 'icloud', nameKey: 'clientApps.icloud.systemPreferences', icon: 'icloud', width: 668, height: 540, x: 112, y: 40 },
  mail: { clientKind: 'third-party', nameKey: 'mailApp.name', icon: 'mail', width: 620, height: 520, x: 152, y: 56 },
};

export function isStageWindow(value: string): value is StageWindowId {
  return (STAGE_WINDOWS as readonly string[]).includes(value);
}
