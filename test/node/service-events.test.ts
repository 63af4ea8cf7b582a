import { describe, expect, it } from 'vitest';
import type { ServiceEvent } from '../../preload/contract/models.js';
import { DEMO_ACCOUNT, openService } from './helpers/identity.js';

/** Windows and streams subscribe to the service's events; one that closes stops receiving them. */
describe('subscribers', () => {
  it('a window that unsubscribes (it closed) gets no further events; the others still do', async () => {
    const { service } = await openService();
    const closed: ServiceEvent[] = [];
    const open: ServiceEvent[] = [];
    const unsubscribe = service.subscribe((event) => closed.push(event));
    const unsubscribeOpen = service.subscribe((event) => open.push(event));
    await service.signInClient({ clientKind: 'messages', appleId: DEMO_ACCOUNT.appleId, password: DEMO_ACCOUNT.password });
    expect(closed).toHaveLength(1);

    unsubscribe();
    await service.signInClient({ clientKind: 'facetime', appleId: DEMO_ACCOUNT.appleId, password: DEMO_ACCOUNT.password });
    expect(closed).toHaveLength(1);
    expect(open).toHaveLength(2);
    unsubscribeOpen();
  });
});
