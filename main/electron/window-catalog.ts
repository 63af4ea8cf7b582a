/**
 * The desktop app's windows, sized and titled like the Mac originals they stand for. Each is
 * one page of the renderer build, loaded from the app:// scheme.
 */
import { APP_WINDOWS, type AppWindow } from '../../preload/contract/app-contract.js';

export const WINDOW_KINDS = APP_WINDOWS;
export type WindowKind = AppWindow;

export interface WindowSpec {
  page: string;
  title: string;
  width: number;
  height: number;
  resizable: boolean;
}

export const WINDOW_SPECS: Record<WindowKind, WindowSpec> = {
  control: { page: 'control', title: 'TwoStep — Control Center', width: 1120, height: 760, resizable: true },
  messages: { page: 'messages', title: 'Messages', width: 700, height: 520, resizable: false },
  facetime: { page: 'facetime', title: 'FaceTime', width: 660, height: 500, resizable: false },
  icloud: { page: 'icloud', title: 'iCloud', width: 668, height: 560, resizable: false },
  mail: { page: 'mail', title: 'Mail', width: 620, height: 540, resizable: false },
  iphone: { page: 'device', title: "Taro's iPhone", width: 390, height: 780, resizable: false },
};

export const APP_SCHEME = 'app';
export const APP_HOST = 'twostep';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function pageUrl(kind: WindowKind): string {
  return `${APP_ORIGIN}/${WINDOW_SPECS[kind].page}/index.html`;
}
