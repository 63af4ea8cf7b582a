import type { MenuItemConstructorOptions } from 'electron';
import type { WindowKind } from './window-catalog.js';

/** A macOS-style application menu: the app menu, Edit (for copy and paste), Window, Help. */
export function applicationMenuTemplate(open: (kind: WindowKind) => void, isMac: boolean): MenuItemConstructorOptions[] {
  const windowItems: MenuItemConstructorOptions[] = [
    { label: 'Control Center', accelerator: 'CmdOrCtrl+0', click: () => open('control') },
    { type: 'separator' },
    { label: 'Messages', accelerator: 'CmdOrCtrl+1', click: () => open('messages') },
    { label: 'FaceTime', accelerator: 'CmdOrCtrl+2', click: () => open('facetime') },
    { label: 'iCloud (System Preferences)', accelerator: 'CmdOrCtrl+3', click: () => open('icloud') },
    { label: 'Tern Mail (third-party app)', accelerator: 'CmdOrCtrl+4', click: () => open('mail') },
    { label: "Taro's iPhone", accelerator: 'CmdOrCtrl+5', click: () => open('iphone') },
    { label: 'App Store', accelerator: 'CmdOrCtrl+6', click: () => open('appstore') },
  ];
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : [{ label: 'File', submenu: [{ role: 'quit' as const }] }]),
    { role: 'editMenu' },
    { label: 'Window', submenu: [...windowItems, { type: 'separator' }, { role: 'minimize' }, { role: 'close' }] },
    {
      role: 'help',
      submenu: [{ label: 'TwoStep is a simulation, not affiliated with Apple', enabled: false }],
    },
  ];
}
