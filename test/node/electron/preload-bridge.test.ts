import { describe, expect, it, vi } from 'vitest';
import { appContract } from '../../../preload/contract/app-contract.js';
import { APP_METHODS } from '../../../preload/contract/app-methods.js';
import { IPC_CHANNELS } from '../../../preload/contract/bridge.js';
import { fakeElectron } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron);

describe('the preload', () => {
  it('exposes exactly the contract: one function per method and three subscriptions', async () => {
    await import('../../../preload/index.js');
    const bridge = fakeElectron.contextBridge.exposed.get('twostep') as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual([...Object.keys(appContract), 'onDeviceNotification', 'onPresenterChange', 'onServiceEvent'].sort());
    expect([...APP_METHODS].sort()).toEqual(Object.keys(appContract).sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(fakeElectron.contextBridge.exposed.size).toBe(1);
  });

  it('sends a method call over the one invoke channel, and a subscription returns its unsubscribe', async () => {
    const { buildBridge } = await import('../../../preload/index.js');
    const ipc = { invoke: vi.fn(() => Promise.resolve({ ok: true, value: [] })), on: vi.fn(), removeListener: vi.fn() };
    const bridge = buildBridge(ipc);
    await bridge.clientSessions({});
    expect(ipc.invoke).toHaveBeenCalledWith(IPC_CHANNELS.invoke, 'clientSessions', {});
    const unsubscribe = bridge.onServiceEvent(() => undefined);
    expect(ipc.on).toHaveBeenCalledWith(IPC_CHANNELS.serviceEvent, expect.any(Function));
    unsubscribe();
    expect(ipc.removeListener).toHaveBeenCalledWith(IPC_CHANNELS.serviceEvent, ipc.on.mock.calls[0]![1]);
    bridge.onPresenterChange(() => undefined)();
    expect(ipc.on).toHaveBeenCalledWith(IPC_CHANNELS.presenter, expect.any(Function));
  });
});
