/**
 * What the words around a place mention say about the kind of place it is. Each test
 * looks at a few characters either side of the span, once per mention.
 */
export interface MentionHints {
  /** "Helmand province", "province of Helmand": a division, not a town */
  division: boolean;
  /** "city of X", "town of X", "X city": a populated place */
  settlement: boolean;
  /** "the Pacific", "the Atlantic": a sea or a region, rarely a town */
  definite?: boolean;
}

/** "X province", "the X and Y regions" (a plural division noun after the last name; not "districts", see below) */
const DIVISION_AFTER = /^\s+(?:province|provinces|state|states|oblast|oblasts|region|regions|governorate|governorates|county|counties|district|prefecture|prefectures|department|departments|municipality|territory|territories|emirate|canton|parish|krai|voivodeship|division)\b/i;
/**
 * "the Belgorod and Kursk regions": the first of two names sharing a plural division noun.
 * Not "districts": a district is named after its centre, where ACLED places it.
 */
const SHARED_DIVISION_AFTER = /^\s*(?:,|and|or|,\s*and)\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?\s+(?:provinces|states|oblasts|regions|governorates|counties|prefectures|departments|territories)\b/u;
const DIVISION_BEFORE = /\b(?:province|state|oblast|region|governorate|county|district|prefecture|department|territory|emirate|canton) of\s+(?:the\s+)?$/i;
const SETTLEMENT_BEFORE = /\b(?:city|town|village|hamlet|suburb|port|capital|settlement|municipality|neighbourhood|neighborhood) of\s+$|\b(?:the (?:city|town|village|capital|port|suburb)|(?:border|port|frontline|front-line|eastern|western|northern|southern|central|coastal|industrial|key|strategic|small|besieged) (?:city|town|village))\s+$/i;
const DIVISION_GAP = /^\s+(?:district|sub-?county|county|province|raion|hromada|region|oblast|ward|municipality|town|village|city)\s*[,(]\s*$/i;
const SETTLEMENT_AFTER = /^\s+(?:city|town|village)\b(?!\s+(?:of|council|hall|centre|center))/;

export function mentionHints(text: string, start: number, end: number): MentionHints {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 24);
  return {
    division: DIVISION_AFTER.test(after) || SHARED_DIVISION_AFTER.test(text.slice(end, end + 60)) || DIVISION_BEFORE.test(before),
    settlement: SETTLEMENT_BEFORE.test(before) || SETTLEMENT_AFTER.test(after),
    definite: /\bthe\s+$/i.test(before) || /^the\s/i.test(text.slice(start, end)),
  };
}

/** Does the text between two mentions make the second a container of the first ("X, Y" / "X (Y)" / "X in Y")? */
export function containerLink(text: string, firstEnd: number, secondStart: number): 'comma' | 'in' | 'and' | undefined {
  if (secondStart < firstEnd || secondStart - firstEnd > 24) return undefined;
  // "in the 'Qalat' area of 'Kushki Kuhna' district": quotes around either name are not part of the gap
  const gap = text.slice(firstEnd, secondStart).replace(/^['‘’"“”](?=\s)/u, '').replace(/(?<=\s)['‘’"“”]$/u, '');
  if (/^\s*,\s*$/.test(gap)) return 'comma';
  // "Nahri Shahi district, Balkh", "Kitui sub-county, Kitui": the kind of division between the two
  if (DIVISION_GAP.test(gap)) return 'comma';
  // "the Bogside area of Derry", "the Karrada district of Baghdad", "Mullah Faiz village of Mizan district": a part of the place named after it
  if (/^\s+(?:area|district|neighbou?rhood|suburb|suburbs|quarter|outskirts|part|section|village|town|hamlet|locality)\s+of\s+(?:the\s+)?$/i.test(gap)) return 'in';
  // "Pazi Gyi village in Sagaing region", "Maga town in Kebbi state": a settlement in the place after it
  if (/^\s+(?:village|town|hamlet|township|settlement|camp|district|area|neighbou?rhood|suburb)\s+(?:in|near)\s+(?:the\s+)?$/i.test(gap)) return 'in';
  if (gap.length > 12) return undefined;
  if (/^\s*\(\s*$/.test(gap)) return 'comma'; // "Ruiru (Kiambu)": the container in brackets
  if (/^\s*,?\s+(?:and|or)\s+$/.test(gap)) return 'and'; // the end of a list: no containment
  if (/^\s+(?:in|near|outside|of)\s+(?:the\s+)?$/i.test(gap)) return 'in';
  return undefined;
}
