import { z } from 'zod';
import { LANGUAGES, MAC_OS_VERSIONS, TOUR_STEP_IDS, type TourBeacon } from './presenter.js';

/** The presenter calls' inputs (presenter.ts holds the plain data the pages load). */
export const tourBeaconSchema = z.strictObject({
  step: z.enum(TOUR_STEP_IDS, { error: 'errors.INVALID_INPUT' }),
  completed: z.boolean({ error: 'errors.INVALID_INPUT' }),
}) satisfies z.ZodType<TourBeacon>;

export const presenterInputs = {
  setLanguage: z.strictObject({ lang: z.enum(LANGUAGES, { error: 'errors.INVALID_INPUT' }) }),
  setTour: z.strictObject({ tour: tourBeaconSchema.nullable() }),
  setLargeType: z.strictObject({ on: z.boolean({ error: 'errors.INVALID_INPUT' }) }),
  setMacOs: z.strictObject({ version: z.enum(MAC_OS_VERSIONS, { error: 'errors.INVALID_INPUT' }) }),
  /** "Skip 10 minutes": a code's whole life, so it can be shown expiring. */
  skipClock: z.strictObject({ minutes: z.number({ error: 'errors.INVALID_INPUT' }).int().min(1).max(24 * 60) }),
};
