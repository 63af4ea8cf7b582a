import type { Context } from 'hono';
import type { Presenter } from '../presenter/presenter.js';
import { eventStream, type StreamSlots } from './event-stream.js';

/**
 * The app server's presenter stream (behind the launch key, as all of /api/app): the whole
 * presenter state, each time it changes. Pages load it once on connecting (`presenter`).
 */
export function appPresenterStream(c: Context, presenter: Presenter, slots: StreamSlots): Response {
  return eventStream(c, slots, (send) => presenter.subscribe((state) => send({ event: 'presenter', data: state })));
}

/**
 * The account site's presenter stream, open to its pages without a session: the language, the
 * tour step and the restarts (never the clock, the apps or anything of an account), first as
 * they are, then as they change; and "navigate", when Create reuses this tab. Each stream is
 * one open My Apple ID tab — unless `asSiteTab` is false: iCloud.com's page follows the language
 * and the restarts on the same origin, but Create must never send My Apple ID's pages to it.
 */
export function sitePresenterStream(c: Context, presenter: Presenter, slots: StreamSlots, asSiteTab = true): Response {
  return eventStream(c, slots, (send) => {
    let last = '';
    const sendState = () => {
      const view = presenter.siteState();
      const json = JSON.stringify(view);
      // The app side's changes (the clock, the tab count) do not concern the site: sent once each.
      if (json === last) return;
      last = json;
      send({ event: 'presenter', data: view });
    };
    sendState();
    const unsubscribe = presenter.subscribe(sendState);
    const detach = asSiteTab ? presenter.attachSiteTab({ navigate: (path) => send({ event: 'navigate', data: { path } }) }) : () => undefined;
    return () => {
      unsubscribe();
      detach();
    };
  });
}
