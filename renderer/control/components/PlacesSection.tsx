import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../preload/contract/error-codes.js';
import { FAQ_PLACES, type FaqPlace, type OpenPlaceTarget } from '../../../preload/contract/places-types.js';
import { errorMessage, formatDateTime } from '../../i18n/index.js';
import { useOpener } from '../opener.js';
import { openPlaceTab } from '../place-opener.js';
import { connectPlaces, usePlaces } from '../places-store.js';
import { TrustedBrowsersPart } from './TrustedBrowsersPart.js';
import { toPayload } from '../store.js';
import type { OpenTarget } from '../tour.js';
import './places.css';

type Opening = { kind: 'window'; target: OpenTarget; label: string } | { kind: 'place'; place: OpenPlaceTarget; label: string };

/** What each FAQ place opens: a window of the Mac, My Apple ID's tab, or a tab of its own. */
const OPENINGS: Record<FaqPlace, Opening[]> = {
  'my-apple-id': [{ kind: 'window', target: 'account-site', label: 'openMyAppleId' }],
  icloud: [
    { kind: 'window', target: 'icloud', label: 'openICloudPane' },
    { kind: 'place', place: 'icloud-web', label: 'openICloudWeb' },
  ],
  'messages-facetime': [
    { kind: 'window', target: 'messages', label: 'openMessages' },
    { kind: 'window', target: 'facetime', label: 'openFaceTime' },
  ],
  'app-store': [{ kind: 'window', target: 'appstore', label: 'openAppStore' }],
  support: [{ kind: 'place', place: 'support', label: 'openSupport' }],
};

/**
 * The five places of Apple's FAQ where two-step verification asks who you are, each with what it
 * asks and a way to open it; the browsers signed in at iCloud.com and support (each can be ended
 * here); and this Mac's standing with the App Store.
 */
export function PlacesSection() {
  const { t } = useTranslation();
  const open = useOpener();
  const [failure, setFailure] = useState<ErrorPayload | 'blocked' | null>(null);
  useEffect(() => connectPlaces(), []);

  async function openIt(opening: Opening) {
    setFailure(null);
    try {
      if (opening.kind === 'window') {
        const outcome = await open(opening.target);
        if (!outcome.ok) setFailure('blocked' in outcome ? 'blocked' : outcome.error);
      } else if ((await openPlaceTab(opening.place)) === 'blocked') {
        setFailure('blocked');
      }
    } catch (error) {
      setFailure(toPayload(error));
    }
  }

  return (
    <section className="panel places" aria-labelledby="places-heading">
      <h2 id="places-heading" className="panel__title">
        {t('places.control.heading')}
      </h2>
      <p className="panel__intro">{t('places.control.intro')}</p>
      <div className="table-wrap">
        <table className="table places__table">
          <caption className="visually-hidden">{t('places.control.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('places.control.place')}</th>
              <th scope="col">{t('places.control.asks')}</th>
              <th scope="col">{t('places.control.open')}</th>
            </tr>
          </thead>
          <tbody>
            {FAQ_PLACES.map((place, index) => (
              <tr key={place} data-place={place}>
                <th scope="row">
                  <span className="places__number" aria-hidden="true">
                    {index + 1}
                  </span>
                  {t(`places.control.faq.${place}`)}
                </th>
                <td>{t(`places.control.asksFor.${place}`)}</td>
                <td>
                  <span className="places__buttons">
                    {OPENINGS[place].map((opening) => (
                      // Named with its place: the Windows section has buttons of the same words. The space
                      // between them keeps the words of two buttons apart for whoever reads the cell's text.
                      <Fragment key={opening.label}>
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={`${t(`places.control.${opening.label}`)} (${index + 1}. ${t(`places.control.faq.${place}`)})`}
                          onClick={() => void openIt(opening)}
                        >
                          {t(`places.control.${opening.label}`)}
                        </button>{' '}
                      </Fragment>
                    ))}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {failure && (
        <p role="alert" className="form-error">
          {failure === 'blocked' ? t('places.control.blocked') : errorMessage(failure)}
        </p>
      )}
      <BrowserSessions />
      <TrustedBrowsersPart />
      <ThisMac />
    </section>
  );
}

function BrowserSessions() {
  const { t } = useTranslation();
  const view = usePlaces((s) => s.view);
  const loadError = usePlaces((s) => s.error);
  const endSession = usePlaces((s) => s.endSession);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const sessions = view?.webSessions ?? [];
  return (
    <div className="places__part">
      <h3 className="places__subtitle">{t('places.control.browsersHeading')}</h3>
      {sessions.length === 0 ? (
        <p className="muted">{view === null ? t('control.sessions.loading') : t('places.control.browsersNone')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('places.control.browsersCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('places.control.where')}</th>
                <th scope="col">{t('places.control.appleId')}</th>
                <th scope="col">{t('places.control.since')}</th>
                <th scope="col">{t('places.control.until')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('places.control.end')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => {
                const place = t(`places.control.sessionPlaces.${s.place}`);
                return (
                  <tr key={s.id} data-web-session={s.place}>
                    <th scope="row">{place}</th>
                    <td>{s.appleId}</td>
                    <td>
                      <time dateTime={new Date(s.startedAt).toISOString()}>{formatDateTime(s.startedAt)}</time>
                    </td>
                    <td>{s.keepSignedIn ? t('places.control.kept', { date: formatDateTime(s.expiresAt) }) : t('places.control.idle')}</td>
                    <td>
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t('places.control.endSession', { appleId: s.appleId, place })}
                        onClick={() => void endSession(s.id).then(setError)}
                      >
                        {t('places.control.end')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {(error ?? loadError) && (
        <p role="alert" className="form-error">
          {errorMessage((error ?? loadError)!)}
        </p>
      )}
    </div>
  );
}

function ThisMac() {
  const { t } = useTranslation();
  const store = usePlaces((s) => s.view?.appStore ?? null);
  if (!store) return null;
  return (
    <div className="places__part">
      <h3 className="places__subtitle">{t('places.control.macHeading')}</h3>
      <ul className="places__facts">
        <li>{t('places.control.macSince', { date: formatDateTime(store.macSince) })}</li>
        <li>{store.signedIn ? t('places.control.storeSignedIn', { appleId: store.signedIn.appleId }) : t('places.control.storeSignedOut')}</li>
        {store.trustedFor.length === 0 ? (
          <li>{t('places.control.trustedNone')}</li>
        ) : (
          store.trustedFor.map((trust) => <li key={trust.appleId}>{t('places.control.trustedFor', { appleId: trust.appleId, date: formatDateTime(trust.since) })}</li>)
        )}
      </ul>
      <p className="muted">{t('places.control.newMacHint')}</p>
    </div>
  );
}
