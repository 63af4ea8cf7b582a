import { siteView, type MacOsVersion, type PresenterLanguage, type PresenterState, type SitePresenterView, type TourBeacon } from '../../preload/contract/presenter.js';
import { MINUTE } from '../identity/clock.js';
import { PresenterClock } from './presenter-clock.js';

export type PresenterListener = (state: PresenterState) => void;

/** An open My Apple ID tab, as its event stream lets main reach it. */
interface SiteTab {
  navigate(path: string): void;
}

/**
 * What a running TwoStep shares with every page of both origins: one language for all of them,
 * the tour step the presenter is on, the presenter clock, Large type, and a count of Reset &
 * restarts.
 * Kept in memory: it belongs to this launch, not to the store. Every change goes to every
 * subscriber (the app server's and the account site's event streams, the desktop windows).
 */
export class Presenter {
  private lang: PresenterLanguage;
  private tour: TourBeacon | null = null;
  private run = 0;
  private largeType = false;
  private macOs: MacOsVersion = '10.11';
  private readonly listeners = new Set<PresenterListener>();
  /** Open My Apple ID tabs, oldest first: Create reuses the newest. */
  private readonly siteTabs: SiteTab[] = [];

  constructor(
    readonly clock: PresenterClock,
    lang: PresenterLanguage,
  ) {
    this.lang = lang;
  }

  /** A presenter of its own, for a server started alone (tests): its clock drives nothing else. */
  static standalone(lang: PresenterLanguage): Presenter {
    return new Presenter(new PresenterClock({ now: () => Date.now() }), lang);
  }

  get language(): PresenterLanguage {
    return this.lang;
  }

  state(): PresenterState {
    return { lang: this.lang, tour: this.tour, skippedMs: this.clock.skippedMs, run: this.run, siteTabs: this.siteTabs.length, largeType: this.largeType, macOs: this.macOs };
  }

  siteState(): SitePresenterView {
    return siteView(this.state());
  }

  subscribe(listener: PresenterListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setLanguage(lang: PresenterLanguage): PresenterState {
    if (lang !== this.lang) {
      this.lang = lang;
      this.publish();
    }
    return this.state();
  }

  setTour(tour: TourBeacon | null): PresenterState {
    if (tour?.step !== this.tour?.step || tour?.completed !== this.tour?.completed) {
      this.tour = tour;
      this.publish();
    }
    return this.state();
  }

  /** Large type for every page; a display choice, so Reset & restart leaves it as it is. */
  setLargeType(on: boolean): PresenterState {
    if (on !== this.largeType) {
      this.largeType = on;
      this.publish();
    }
    return this.state();
  }

  /** The Mac the stage stands for: what Messages and FaceTime do under two-factor authentication. */
  get macOsVersion(): MacOsVersion {
    return this.macOs;
  }

  /** A scenario choice (unlike Large type): Reset & restart puts it back to 10.11. */
  setMacOs(version: MacOsVersion): PresenterState {
    if (version !== this.macOs) {
      this.macOs = version;
      this.publish();
    }
    return this.state();
  }

  skipMinutes(minutes: number): PresenterState {
    this.clock.skip(minutes * MINUTE);
    this.publish();
    return this.state();
  }

  /**
   * Reset & restart, after the store was reset: real time again, no tour step, and a new run
   * number that tells every page to put itself back to its first state.
   */
  restart(): PresenterState {
    this.clock.reset();
    this.tour = null;
    this.macOs = '10.11';
    this.run += 1;
    this.publish();
    return this.state();
  }

  /** A My Apple ID tab opened its stream; the returned function is called when it closes. */
  attachSiteTab(tab: SiteTab): () => void {
    this.siteTabs.push(tab);
    this.publish();
    return () => {
      const index = this.siteTabs.indexOf(tab);
      if (index === -1) return;
      this.siteTabs.splice(index, 1);
      this.publish();
    };
  }

  /**
   * Create, when My Apple ID is already open: the newest tab shows the page itself, instead of
   * the browser opening one more tab. False when no tab is open (the page opens one).
   */
  navigateSiteTab(path: string): boolean {
    const tab = this.siteTabs.at(-1);
    if (!tab) return false;
    tab.navigate(path);
    return true;
  }

  private publish(): void {
    const state = this.state();
    for (const listener of this.listeners) {
      try {
        listener(state);
      } catch {
        // A closed window or a dropped stream must not stop the others.
      }
    }
  }
}
