/**
 * Services are passed into stages, never imported by them, so tests can hand in
 * small real ones. Each service module adds its member to this interface through
 * module augmentation:
 *
 *   declare module '../../core/services.js' { interface Services { gazetteer?: Gazetteer } }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface Services {
  /** the clock, for anything that needs "now" (never used to resolve article dates) */
  now?: () => Date;
}
