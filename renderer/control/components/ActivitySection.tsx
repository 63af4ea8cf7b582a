import { useTranslation } from 'react-i18next';
import type { ActivityOutcome } from '../../../preload/contract/models.js';
import { formatDateTime } from '../../i18n/index.js';
import { describeActivity, sourceName } from '../activity-text.js';
import { useControl } from '../store.js';

const OUTCOME_ICONS: Record<ActivityOutcome, string> = { success: '✓', failure: '✕', info: 'i' };

/** Section 3: the live activity log, newest first; new entries are announced politely. */
export function ActivitySection() {
  const { t } = useTranslation();
  const activity = useControl((s) => s.activity);
  const announcement = useControl((s) => s.announcement);

  return (
    <section className="panel panel--activity" aria-labelledby="activity-heading">
      <h2 id="activity-heading" className="panel__title">
        {t('control.activity.heading')}
      </h2>
      <p className="panel__intro">{t('control.activity.intro')}</p>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement ? t('control.activity.announce', { what: describeActivity(t, announcement) }) : ''}
      </div>
      <div className="table-wrap table-wrap--scroll" tabIndex={0} role="group" aria-labelledby="activity-heading">
        <table className="table table--stack table--activity" role="table" aria-busy={activity === null || undefined}>
          <caption className="visually-hidden">{t('control.activity.caption')}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                {t('control.activity.time')}
              </th>
              <th scope="col" role="columnheader">
                {t('control.activity.appleId')}
              </th>
              <th scope="col" role="columnheader">
                {t('control.activity.where')}
              </th>
              <th scope="col" role="columnheader">
                {t('control.activity.what')}
              </th>
              <th scope="col" role="columnheader">
                {t('control.activity.outcome')}
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {activity === null || activity.length === 0 ? (
              <tr role="row">
                <td role="cell" colSpan={5} className="muted">
                  {activity === null ? t('control.activity.loading') : t('control.activity.empty')}
                </td>
              </tr>
            ) : (
              activity.map((entry) => (
                <tr key={`${entry.id}:${entry.at}`} role="row" data-event={entry.event} className={entry === announcement ? 'is-new' : undefined}>
                  <td role="cell" className="nowrap table__cell--time">
                    <time dateTime={new Date(entry.at).toISOString()}>{formatDateTime(entry.at)}</time>
                  </td>
                  <td role="cell" className="table__cell--apple-id">
                    {entry.appleId ?? t('control.activity.nobody')}
                  </td>
                  <td role="cell" className="table__cell--where">
                    {sourceName(t, entry.source)}
                  </td>
                  <td role="cell" className="table__cell--what">
                    {describeActivity(t, entry)}
                  </td>
                  <td role="cell" className="nowrap table__cell--outcome">
                    <span className={`outcome outcome--${entry.outcome}`}>
                      <span className="outcome__icon" aria-hidden="true">
                        {OUTCOME_ICONS[entry.outcome]}
                      </span>
                      {t(`control.activity.outcomes.${entry.outcome}`)}
                    </span>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
