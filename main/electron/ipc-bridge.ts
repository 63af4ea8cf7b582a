import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC_CHANNELS } from '../../preload/contract/bridge.js';
import type { AnyContract, HandlersOf } from '../../preload/contract/define.js';
import type { Result } from '../../preload/contract/error-codes.js';
import { IdentityError, toErrorPayload } from '../identity/identity-error.js';
import { parseInput } from '../identity/validate.js';
import { APP_ORIGIN } from './window-catalog.js';

/** Whether an IPC message comes from the main frame of one of our own windows, showing our own page. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

export function ownWindowsOnly(isOwnWebContents: (contents: WebContents) => boolean): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame !== event.sender.mainFrame) return false;
    if (!frame.url.startsWith(`${APP_ORIGIN}/`)) return false;
    return isOwnWebContents(event.sender);
  };
}

/**
 * The one generic IPC dispatcher of a contract: a single channel carries a method name and
 * its input. The sender is checked, the method must exist, the input is parsed with the
 * method's schema; the answer is a `Result` — errors cross as data, never as a stack trace.
 */
export function registerContract<C extends AnyContract>(
  ipcMain: Pick<IpcMain, 'handle'>,
  contract: C,
  handlers: HandlersOf<C, IpcMainInvokeEvent>,
  isTrustedSender: SenderCheck,
): void {
  ipcMain.handle(IPC_CHANNELS.invoke, async (event, method: unknown, input: unknown): Promise<Result<unknown>> => {
    try {
      if (!isTrustedSender(event)) throw new IdentityError('FORBIDDEN_SENDER');
      if (typeof method !== 'string' || !Object.hasOwn(contract, method)) throw new IdentityError('NOT_FOUND');
      const parsed = parseInput(contract[method]!.input, input);
      const handler = handlers[method as keyof C] as (input: unknown, event: IpcMainInvokeEvent) => unknown;
      return { ok: true, value: await handler(parsed, event) };
    } catch (error) {
      return { ok: false, error: toErrorPayload(error) };
    }
  });
}
