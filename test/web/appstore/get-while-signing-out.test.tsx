import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppStoreView } from '../../../preload/contract/places-types.js';

/**
 * The App Store's Get button while Sign Out is still on its way: a press a user makes in that
 * moment is not lost (the button turns into Install App), and Install App itself waits for the
 * sign-out, then asks to sign in.
 */

const signOut = vi.hoisted(() => ({ resolve: null as null | ((view: unknown) => void) }));
vi.mock('../../../renderer/shared/app-api.js', () => ({
  appApi: {
    appStoreSignOut: () => new Promise((resolve) => (signOut.resolve = resolve)),
    appStoreGet: vi.fn(),
  },
}));

const { createAppStoreStore } = await import('../../../renderer/appstore/store.js');

const view = (signedIn: boolean): AppStoreView => ({
  signedIn: signedIn ? { appleId: 'demo@twostep.example', fullName: 'Taro Yamada', since: 0 } : null,
  macTrusted: signedIn,
  purchases: [],
  installed: [],
});

afterEach(() => {
  signOut.resolve = null;
});

describe('App Store: Get pressed while signing out', () => {
  it('arms the app at once, and Install App asks to sign in once the sign-out is through', async () => {
    const store = createAppStoreStore();
    store.setState({ view: view(true) });
    const leaving = store.getState().signOut();
    expect(store.getState().busy).toBe(true);

    await store.getState().press('pebble-notes');
    expect(store.getState().armed).toBe('pebble-notes');
    // Install App during the sign-out does nothing (the button is disabled meanwhile).
    await store.getState().press('pebble-notes');
    expect(store.getState().sheet).toBeNull();

    signOut.resolve!(view(false));
    await leaving;
    await store.getState().press('pebble-notes');
    expect(store.getState().sheet).toEqual({ kind: 'sign-in' });
    expect(store.getState().waiting).toBe('pebble-notes');
  });
});
