import type { StageWindowId } from './windows.js';

/** A menu of the menu bar, by its catalog key under `stage.menu.` ('app' is the front app's own, named after it). */
export type MenuId = 'twostep' | 'app' | 'file' | 'edit' | 'view' | 'go' | 'buddies' | 'video' | 'format' | 'mailbox' | 'message' | 'window' | 'help';

/**
 * The menus each app of 2015 had, in their order (OS X Yosemite's Finder, Messages, FaceTime,
 * System Preferences; Tern Mail as a mail client of the time): the menu bar shows the front
 * app's, as a Mac's does.
 */
export const APP_MENUS: Record<StageWindowId | 'finder', readonly MenuId[]> = {
  finder: ['app', 'file', 'edit', 'view', 'go', 'window', 'help'],
  messages: ['app', 'file', 'edit', 'view', 'buddies', 'video', 'format', 'window', 'help'],
  facetime: ['app', 'edit', 'view', 'video', 'window', 'help'],
  icloud: ['app', 'edit', 'view', 'window', 'help'],
  mail: ['app', 'file', 'edit', 'view', 'mailbox', 'message', 'format', 'window', 'help'],
};

/** One line of a menu: a command (working, or greyed as on a Mac when it cannot apply), a separator, or a note. */
export type MenuEntry =
  | { kind: 'command'; label: string; shortcut?: string; checked?: boolean; run?: () => void }
  | { kind: 'separator' }
  | { kind: 'note'; text: string };
