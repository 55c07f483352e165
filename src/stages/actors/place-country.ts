import countries from 'i18n-iso-countries';
import type { Gazetteer } from '../../services/gazetteer/index.js';

/** The country (ISO alpha-3) a place name is in, when the gazetteer leaves little doubt (and its town is at least that big); else undefined. */
export type PlaceCountry = (name: string, minPopulation?: number) => string | undefined;

/** a town this small is too likely to be some other word's namesake to set the country */
const MIN_POPULATION = 20_000;
/** the share of the name's population that one country must hold */
const MIN_SHARE = 0.8;

/**
 * "Kharkiv", "Gaza", "Mosul": towns and divisions are not in the actor dictionary, but they
 * tell whose civilians and whose mayor a sentence speaks of. Only names the gazetteer gives to
 * one country by a wide margin count: "Paris" (France, Texas) does, a village name shared
 * across countries does not.
 */
export function gazetteerPlaceCountry(gz: Gazetteer): PlaceCountry {
  // no cache of its own: the gazetteer keeps its recent lookups, and what is added here is a sum over a few entries
  return (name, minPopulation = MIN_POPULATION) => {
    const byCountry = new Map<string, number>();
    let total = 0;
    let top: { country: string; population: number } | undefined;
    for (const e of gz.lookup(name)) {
      if ((e.featureClass !== 'P' && e.featureClass !== 'A') || (e.match !== 'name' && e.match !== 'alternate') || !e.country) continue;
      const p = Math.max(e.population, 1);
      byCountry.set(e.country, (byCountry.get(e.country) ?? 0) + p);
      total += p;
      if (!top || e.population > top.population) top = { country: e.country, population: e.population };
    }
    const share = top ? byCountry.get(top.country)! / total : 0;
    return top && top.population >= minPopulation && share >= MIN_SHARE ? countries.alpha2ToAlpha3(top.country) : undefined;
  };
}
