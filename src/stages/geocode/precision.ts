import type { PlacePrecision } from '../../core/layers/index.js';
import { COUNTRY_CODES } from './feature-codes.js';

/** The precision a feature code gives a mention, with ACLED's geo-precision code. */
export function precisionOf(featureCode: string, partial: boolean): { precision: PlacePrecision; acled: 1 | 2 | 3 } {
  if (COUNTRY_CODES.has(featureCode)) return { precision: 'country', acled: 3 };
  if (featureCode === 'CONT') return { precision: 'continent', acled: 3 };
  if (featureCode === 'ADM2' || featureCode === 'AREA') return { precision: 'district', acled: 2 };
  if (featureCode.startsWith('PPL') || featureCode === 'STLMT') {
    // a place named inside a longer name ("Kramatorsk railway station") is near the town
    return partial ? { precision: 'city', acled: 2 } : { precision: 'city', acled: 1 };
  }
  return { precision: 'region', acled: 3 };
}
