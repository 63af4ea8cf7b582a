import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.js';
import { AppView } from './AppView.js';

/** The weeks of a month as rows of seven days (null outside the month), weeks starting on Sunday. */
export function monthGrid(year: number, month: number): (number | null)[][] {
  const first = new Date(year, month, 1).getDay();
  const days = new Date(year, month + 1, 0).getDate();
  const cells: (number | null)[] = [...Array<null>(first).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/** Calendar: this month, today marked; the account has no events. */
export function CalendarView() {
  const { t } = useTranslation();
  const today = new Date();
  const lang = currentLanguage();
  const month = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long' }).format(today);
  // Sunday first, as iCloud.com's calendar did: 2015-02-01 was a Sunday.
  const weekdays = Array.from({ length: 7 }, (_, i) => new Intl.DateTimeFormat(lang, { weekday: 'short' }).format(new Date(2015, 1, 1 + i)));
  return (
    <AppView title={t('places.icloudWeb.apps.calendar')} className="icw-calendar">
      <table className="icw-month">
        <caption>{t('places.icloudWeb.calendar.caption', { month })}</caption>
        <thead>
          <tr>
            {weekdays.map((day) => (
              <th key={day} scope="col">
                {day}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(today.getFullYear(), today.getMonth()).map((week, w) => (
            <tr key={w}>
              {week.map((day, d) => (
                <td key={d} className={day === today.getDate() ? 'icw-month__today' : undefined} aria-current={day === today.getDate() ? 'date' : undefined}>
                  {day ?? ''}
                  {day === today.getDate() && <span className="visually-hidden"> ({t('places.icloudWeb.calendar.today')})</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="icw-muted">{t('places.icloudWeb.calendar.noEvents')}</p>
    </AppView>
  );
}
