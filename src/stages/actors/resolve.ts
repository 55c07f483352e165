import type { ActorCode, ActorMention, Entity, Sentence, Token } from '../../core/layers/index.js';
import { makeSpan } from '../../core/span.js';
import type { ActorDictionary, CountryEntry, InstitutionEntry, NameKind, OrganisationEntry, RegionEntry, TitleEntry } from '../../services/actors/index.js';
import { TokenView } from '../../services/actors/index.js';
import { countryActor, orgActor, regionRebels, unknownActor } from './codes.js';
import { Coreference, type MentionInfo } from './coreference.js';
import type { PlaceCountry } from './place-country.js';
import { actsAsSubject, DETERMINERS, emptyIt, isPossessive, IT_PRONOUNS, PLACE_PREPS, PRONOUNS, SCENE_PREPS } from './cues.js';

/** sectors of armed groups: a name right before their noun names the group */
const ARMED_SECTORS = new Set(['REB', 'INS']);
/** sectors whose members are often in a country not their own */
const FORCES_ABROAD = new Set(['MIL', 'REB', 'INS']);
/** "the al-Qaida-linked group", "Iran-backed rebels" */
const AFFILIATION = /^-(?:linked|affiliated|allied|aligned|backed|inspired|sponsored|supported|funded|armed|trained|loyal)\b/;
/** "the Hamas-run territory": a place an organisation runs */
const RUN_BY = /^-(?:run|controlled|held|ruled|administered|governed)\b/;
/** "the group", "the rights organisation": a definite mention of the latest listed organisation */
const ORG_WORDS = new Set(['group', 'organisation', 'organization']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their']);
/** a town this big sets its country even when the article names another one only */
const WELL_KNOWN_TOWN = 250_000;

interface Ctx {
  sentenceCountry?: CountryEntry;
  paragraphCountry?: CountryEntry;
  /** the country of the paragraph's last scene ("in Kinshasa"): whose its police, protesters and residents are */
  sceneCountry?: CountryEntry;
  sentence: number;
  paragraph: number;
}

/**
 * Actor mentions in reading order: names and aliases, metonymy, demonyms, titles,
 * possessives, institutions and sector nouns, then pronouns and definite descriptions
 * resolved against what came before.
 */
/** nouns after which a demonym names a language ("Spanish initials", "the Arabic word") */
const LANGUAGE_NOUNS = new Set(['initials', 'acronym', 'abbreviation', 'name', 'names', 'word', 'words', 'term', 'language', 'translation', 'version', 'spelling', 'pronunciation', 'dialect', 'speakers', 'speaking', 'alphabet', 'script']);

export function resolveActors(text: string, tokens: readonly Token[], sentences: readonly Sentence[], entities: readonly Entity[], dict: ActorDictionary, placeCountry?: PlaceCountry): ActorMention[] {
  const v = new TokenView(text, tokens, sentences);
  const n = v.n;
  const entityAt = new Map<number, { e: Entity; last: number }>();
  const entityEnding = new Map<number, number>();
  {
    let t = 0;
    for (const e of entities) {
      while (t < n && v.starts[t] < e.span.start) t++;
      if (t >= n || v.starts[t] !== e.span.start) continue;
      let last = t;
      while (last + 1 < n && v.ends[last + 1] <= e.span.end) last++;
      entityAt.set(t, { e, last });
      entityEnding.set(last, t);
    }
  }
  const nameKinds = (i: number, last: number): NameKind[] => v.tt.matchAll(dict.names, i).filter((m) => m.last === last).map((m) => m.entry.value);
  const countryOf = (kinds: NameKind[]): CountryEntry | undefined => {
    for (const k of kinds) if (k.kind === 'country' || k.kind === 'capital' || k.kind === 'demonym' || k.kind === 'seat') return k.country;
    return undefined;
  };

  // the article's focus: the country it names most
  const counts = new Map<CountryEntry, number>();
  for (const [i, { e, last }] of entityAt) {
    if (e.type !== 'GPE' && e.type !== 'NORP' && e.type !== 'ORG') continue;
    const c = countryOf(nameKinds(i, last));
    if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let focus: CountryEntry | undefined;
  for (const [c, k] of counts) if (!focus || k > counts.get(focus)!) focus = c;
  // "the suburbs of Solino and Delmas" in a Haitian story: a town whose namesake lies in a country the
  // article never names is more likely a local place the gazetteer lacks than a foreign one, unless
  // it is a city the reader knows ("Kharkiv" in a story naming only Russia)
  const townCountry = (name: string): CountryEntry | undefined => {
    const c = placeCountry ? dict.country(placeCountry(name)) : undefined;
    return c && (!focus || counts.has(c) || placeCountry!(name, WELL_KNOWN_TOWN)) ? c : undefined;
  };

  const out: ActorMention[] = [];
  const coref = new Coreference();
  const ctx: Ctx = { sentence: -1, paragraph: -1 };
  const contextCountry = () => ctx.sentenceCountry ?? ctx.paragraphCountry ?? focus;
  const noteCountry = (c: CountryEntry | undefined) => { if (c) ctx.sentenceCountry = ctx.paragraphCountry = c; };
  const push = (a: number, b: number, actor: ActorCode, via: ActorMention['via'], info: Partial<MentionInfo> = {}, extra: Partial<ActorMention> = {}) => {
    const m: ActorMention = { id: `a${out.length + 1}`, span: makeSpan(text, v.starts[a], v.ends[b]), actor, via, ...extra };
    out.push(m);
    coref.add({ mention: m, sentence: v.sent[a], token: a, person: !!m.person, plural: false, ...info });
    return m;
  };
  const nounAt = (k: number) => (k < n && v.sent[k] === ctx.sentence ? v.tt.match(dict.nouns, k) : undefined);
  const institutionAt = (k: number) => {
    const m = nounAt(k);
    return m && m.entry.value.kind === 'institution' ? { inst: m.entry.value.institution, last: m.last } : undefined;
  };
  /** the last token of a weapon or craft named at token k ("drones", "fighter jets"), in k's sentence */
  const hardwareAt = (k: number): number | undefined => {
    if (k >= n || v.sent[k] !== v.sent[k - 1]) return undefined;
    if (k + 1 < n && v.sent[k + 1] === v.sent[k] && dict.militaryHardware.has(`${v.lower(k)} ${v.lower(k + 1)}`)) return k + 1;
    return dict.militaryHardware.has(v.lower(k)) ? k : undefined;
  };
  const prevWord = (k: number) => (k > 0 && v.sent[k - 1] === v.sent[k] ? v.lower(k - 1) : '');
  const ownerOf = (s0: number, last: number): { owner?: ActorCode; country?: CountryEntry } | undefined => {
    const kinds = nameKinds(s0, last);
    const org = kinds.find((x) => x.kind === 'org') as { org: OrganisationEntry } | undefined;
    const country = countryOf(kinds);
    if (country) return { country };
    if (org) return { owner: orgActor(org.org) };
    return undefined;
  };
  const personTitle = (i: number): { first: number; title: TitleEntry; owner?: ActorCode; country?: CountryEntry } | undefined => {
    // "UN Secretary-General Antonio Guterres": the office is a dictionary organisation
    const before = entityEnding.get(i - 1);
    if (before !== undefined && v.sent[before] === v.sent[i]) {
      const org = nameKinds(before, i - 1).find((x) => x.kind === 'org') as { org: OrganisationEntry } | undefined;
      if (org?.org.title) return { first: before, title: { name: org.org.name, sector: 'IGO', aliases: [] }, owner: orgActor(org.org) };
    }
    // the title ends right before the name, or before a comma: "the interior minister, Christophe Castaner"
    const end = v.word(i - 1) === ',' ? i - 2 : i - 1;
    for (let k = Math.max(0, end - 4); k <= end; k++) {
      if (v.sent[k] !== v.sent[i]) continue;
      const m = v.tt.match(dict.nouns, k, (x) => x.kind === 'title');
      if (!m || m.last !== end || m.entry.value.kind !== 'title') continue;
      if (end !== i - 1 && v.cap[k] && !v.isSentenceStart(k)) continue;
      let first = k;
      let found: { owner?: ActorCode; country?: CountryEntry } | undefined;
      // the owner: "Armenian", "UN", "Venezuela's", "France's counter-terrorism"
      for (let j = k - 1; j >= Math.max(0, k - 5) && v.sent[j] === v.sent[i]; j--) {
        const s0 = entityEnding.get(j);
        if (s0 !== undefined) {
          found = ownerOf(s0, j);
          if (found) first = s0;
          // "US Army Col. Myles Caggins": an organisation already resolved (and kept as its own mention) owns the title
          const owner = found ? undefined : out.find((m) => m.span.start === v.starts[s0] && m.span.end === v.ends[j]);
          if (owner?.actor.country) found = { owner: owner.actor };
          break;
        }
        const w = v.word(j);
        if (isPossessive(w) || w === '-' || (!v.cap[j] && (v.pos[j] === 'NOUN' || v.pos[j] === 'ADJ'))) continue;
        break;
      }
      if (end !== i - 1 && first === k && v.lower(k - 1) === 'the') first = k; // keep "the" out of the span
      return { first, title: m.entry.value.title, ...found };
    }
    return undefined;
  };

  const knownPeople = new Map<string, ActorMention>();
  let lastRegion: RegionEntry | undefined;

  for (let i = 0; i < n; i++) {
    const s = v.sent[i];
    if (s !== ctx.sentence) {
      ctx.sentence = s;
      ctx.sentenceCountry = undefined;
      const p = sentences[s]!.paragraph;
      if (p !== ctx.paragraph) { ctx.paragraph = p; ctx.paragraphCountry = ctx.sceneCountry = undefined; }
    }
    const ent = entityAt.get(i);
    if (ent) {
      const { e, last } = ent;
      const kinds = nameKinds(i, last);
      i = Math.max(i, resolveEntity(i, last, e, kinds));
      continue;
    }
    // a pronoun is all letters, so it is the token's lower-cased leading word, spanning the token
    // (read off the token text's keys instead of slicing every token's lower-case form)
    const key = v.tt.keys[i]!;
    const w = key.length === v.ends[i]! - v.starts[i]! ? key : '';
    if (PRONOUNS.has(w)) {
      const ante = coref.pronoun(w, s, i);
      if (ante) push(i, i, ante.mention.actor, 'coreference', { person: ante.person, plural: ante.plural, inst: ante.inst, region: ante.region }, { antecedentId: ante.mention.id, person: ante.mention.person });
      continue;
    }
    if (IT_PRONOUNS.has(w)) {
      const ante = emptyIt(v, i) ? undefined : coref.it(s, i);
      if (ante) push(i, i, ante.mention.actor, 'coreference', { inst: ante.inst, org: ante.org }, { antecedentId: ante.mention.id });
      continue;
    }
    // "Human Rights Watch said ... , the group said": a definite "group" or "organisation" is the latest listed organisation
    if (ORG_WORDS.has(w) && (prevWord(i) === 'the' || (i > 1 && prevWord(i - 1) === 'the' && (v.pos[i - 1] === 'NOUN' || v.pos[i - 1] === 'ADJ') && !v.cap[i - 1]))) {
      const ante = coref.recentOrganisation(s, 3);
      if (ante) push(i, i, ante.mention.actor, 'coreference', { org: ante.org, armed: ante.armed }, { antecedentId: ante.mention.id });
      continue;
    }
    const noun = nounAt(i);
    if (!noun) continue;
    const val = noun.entry.value;
    const det = prevWord(i);
    // "the territory's health ministry", "the country's army": a possessive common noun after "the" is as definite
    const definite = DETERMINERS.has(det) || (isPossessive(det) && i >= 3 && !v.cap[i - 2] && v.pos[i - 2] === 'NOUN' && DETERMINERS.has(v.lower(i - 3)));
    if (val.kind === 'title') {
      // "the president", "the prosecutor": the last person with that title
      if (!definite || v.cap[noun.last + 1] || entityAt.has(noun.last + 1)) continue;
      const ante = coref.byTitle(val.title.name);
      if (ante) push(i, noun.last, ante.mention.actor, 'coreference', { person: true, title: val.title.name }, { antecedentId: ante.mention.id, person: ante.mention.person });
      i = noun.last;
      continue;
    }
    if (val.kind === 'regionDescription') {
      if (!definite) continue;
      const ante = coref.byRegion();
      if (ante) push(i, noun.last, ante.mention.actor, 'coreference', { region: ante.region }, { antecedentId: ante.mention.id });
      else if (lastRegion) push(i, noun.last, regionRebels(lastRegion), 'description', { region: lastRegion });
      i = noun.last;
      continue;
    }
    if (val.kind === 'orgDescription') {
      if (!definite) continue;
      const ante = coref.byOrg(val.org.id);
      if (ante) push(i, noun.last, ante.mention.actor, 'coreference', { org: val.org.id }, { antecedentId: ante.mention.id });
      i = noun.last;
      continue;
    }
    // institutions and sector nouns: "the presidency", "the separatists", "demonstrators"
    const inst = val.institution;
    // "no military solution", "a government plan": an adjective before a thing (not its people: "military officials") names no actor
    if (noun.last === i && v.pos[i] === 'ADJ' && v.pos[i + 1] === 'NOUN' && !v.cap[i + 1] && v.sent[i + 1] === v.sent[i] && !nounAt(i + 1) && !dict.partyMemberNouns.has(v.lower(i + 1))) continue;
    const bare = !definite && !['PRO', 'CVL', 'COP', 'MIL', 'REB', 'LEG', 'NGO'].includes(inst.sector);
    if (bare || (v.cap[i] && !v.isSentenceStart(i))) { i = noun.last; continue; }
    let b = noun.last;
    // "the troops of Nagorno-Karabakh", "the separatists of the enclave"
    let owner: { country?: CountryEntry; region?: RegionEntry } | undefined;
    if (b + 2 < n && v.lower(b + 1) === 'of') {
      const at = v.lower(b + 2) === 'the' ? b + 3 : b + 2;
      const oe = entityAt.get(at);
      if (oe) {
        const ok = nameKinds(at, oe.last);
        const reg = ok.find((x) => x.kind === 'region') as { region: RegionEntry } | undefined;
        if (reg || countryOf(ok)) { owner = { region: reg?.region, country: countryOf(ok) }; b = oe.last; }
      }
    }
    // "people in Gaza", "the health ministry in the Hamas-run territory": where they are says
    // whose they are, except for forces, which fight abroad ("the army in Gaza")
    if (!owner && !FORCES_ABROAD.has(inst.sector) && b + 2 < n && v.lower(b + 1) === 'in') {
      const c = countryOfPlaceAt(v.lower(b + 2) === 'the' ? b + 3 : b + 2, i);
      if (c) owner = { country: c };
    }
    // "Police fired tear gas" after "protesters in Kinshasa": local people belong to the scene, unless the sentence named a country
    if (!owner && !ctx.sentenceCountry && ctx.sceneCountry && inst.localNouns?.includes(text.slice(v.starts[i], v.ends[b]).toLowerCase())) owner = { country: ctx.sceneCountry };
    // "Lithuania's minister said his government had pushed for …": the pronoun's owner owns the institution
    const held = out[out.length - 1];
    if (!owner && POSSESSIVE_PRONOUNS.has(det) && held && held.span.start === v.starts[i - 1] && held.actor.country) owner = { country: dict.country(held.actor.country) };
    resolveInstitution(i, b, inst, definite, owner);
    i = b;
  }
  return out;

  function resolveInstitution(a: number, b: number, inst: InstitutionEntry, definite: boolean, owner?: { country?: CountryEntry; region?: RegionEntry }): void {
    if (inst.sector === 'REB') {
      const region = owner?.region ?? lastRegion;
      const group = owner ? undefined : coref.recentArmedGroup(v.sent[a], 3);
      if (group) { push(a, b, group.mention.actor, 'coreference', { plural: true, org: group.org }, { antecedentId: group.mention.id }); return; }
      if (region) {
        const ante = definite && !owner ? coref.byRegion() : undefined;
        if (ante) push(a, b, ante.mention.actor, 'coreference', { plural: true, region }, { antecedentId: ante.mention.id });
        else push(a, b, regionRebels(region), 'description', { plural: true, region });
        return;
      }
      const c = owner?.country ?? contextCountry();
      push(a, b, c ? countryActor(c, 'REB') : unknownActor('rebels', 'REB'), 'description', { plural: true });
      return;
    }
    if (owner?.region) { push(a, b, regionRebels(owner.region), 'description', { plural: true, region: owner.region }); return; }
    if (definite && !owner) {
      const ante = coref.byInstitution(inst.id);
      if (ante) { push(a, b, ante.mention.actor, 'coreference', { inst: inst.id, plural: ante.plural }, { antecedentId: ante.mention.id }); return; }
    }
    const c = owner?.country ?? contextCountry();
    push(a, b, c ? countryActor(c, inst.sector) : unknownActor(inst.name, inst.sector), 'description', { inst: inst.id, plural: true });
  }

  /** The country of the place named at token k in token i's sentence: a country, a town the gazetteer places, or a territory an organisation runs. */
  function countryOfPlaceAt(k: number, i: number): CountryEntry | undefined {
    const at = entityAt.get(k);
    if (!at || v.sent[k] !== v.sent[i]) return undefined;
    const kinds = nameKinds(k, at.last);
    const named = countryOf(kinds);
    if (named) return named;
    if (at.e.type === 'GPE' || at.e.type === 'LOC') return townCountry(at.e.span.text);
    const org = kinds.find((x) => x.kind === 'org') as { org: OrganisationEntry } | undefined;
    return org && RUN_BY.test(text.slice(at.e.span.end, at.e.span.end + 16)) ? dict.country(org.org.country) : undefined;
  }

  /** Returns the last token it consumed (or i - 1 when it consumed nothing beyond the entity). */
  function resolveEntity(i: number, last: number, e: Entity, kinds: NameKind[]): number {
    const country = countryOf(kinds);
    const kind = kinds[0]?.kind;
    const next = last + 1;
    if ((e.type === 'GPE' || e.type === 'LOC') && SCENE_PREPS.has(prevWord(i))) ctx.sceneCountry = country ?? (!kind ? townCountry(e.span.text) : undefined) ?? ctx.sceneCountry;
    const org = kinds.find((k) => k.kind === 'org') as { org: OrganisationEntry } | undefined;
    // "the al-Qaida-linked group", "Iran-backed rebels": the name says whom the group is tied to; it neither acts nor sets the sentence's country
    if (AFFILIATION.test(text.slice(e.span.end, e.span.end + 14))) return last;
    // "Abu Sayyaf militants": a group named like a person is the group the dictionary lists
    const orgAsPerson = !!org && e.type === 'PERSON' && !!org.org.armed && !personTitle(i);
    // "the Kamwina Nsapu militia", "Mai-Mai Yakutumba rebels": a name the dictionary lacks, before an
    // armed group's noun, names that group (not a person)
    const groupNoun = !org && (e.type === 'PERSON' || e.type === 'ORG') ? institutionAt(next) : undefined;
    if (groupNoun && ARMED_SECTORS.has(groupNoun.inst.sector) && !personTitle(i) && !isPossessive(v.word(next))) {
      const span = makeSpan(text, v.starts[i], v.ends[groupNoun.last]);
      push(i, groupNoun.last, unknownActor(span.text, groupNoun.inst.sector), 'organisation', { plural: true, armed: true }, { entityId: e.id });
      return groupNoun.last;
    }
    if (e.type === 'PERSON' && !orgAsPerson) {
      const name = e.span.text;
      const surname = v.word(last);
      const earlier = knownPeople.get(surname) ?? knownPeople.get(name);
      const t = personTitle(i);
      let m: ActorMention;
      if (t) {
        const c = t.country ?? (t.owner ? undefined : ctx.sentenceCountry ?? focus);
        const actor = t.owner ?? (c ? countryActor(c, t.title.sector || undefined) : earlier?.actor ?? unknownActor(name));
        m = push(t.first, last, actor, 'title', { person: true, title: t.title.name }, { person: earlier?.person ?? name, entityId: e.id });
        noteCountry(t.country);
        // "Opposition leader X criticised the government": the country given to the title holds for the
        // rest of its sentence (not beyond: it was only inferred)
        if (!t.country && c) ctx.sentenceCountry = c;
      } else if (earlier) {
        m = push(i, last, earlier.actor, 'name', { person: true }, { person: earlier.person, entityId: e.id, antecedentId: earlier.id });
      } else {
        m = push(i, last, unknownActor(name), 'name', { person: true }, { person: name, entityId: e.id });
      }
      if (!earlier) { knownPeople.set(surname, m); knownPeople.set(name, m); }
      return last;
    }
    if (kind === 'region' || (e.type === 'LOC' && kinds.some((k) => k.kind === 'region'))) {
      const region = (kinds.find((k) => k.kind === 'region') as { region: RegionEntry }).region;
      lastRegion = region;
      // "Nagorno-Karabakh authorities", "the enclave's separatists"
      const inst = isPossessive(v.word(next)) ? institutionAt(next + 1) : institutionAt(next);
      if (inst) { push(i, inst.last, regionRebels(region), 'description', { plural: true, region }); return inst.last; }
      coref.noteRegion(region);
      return last;
    }
    if (org && (e.type === 'ORG' || orgAsPerson)) {
      if (org.org.title) return last; // "UN Secretary-General" before a name: the person carries it
      const isName = e.span.text === org.org.name;
      push(i, last, orgActor(org.org), org.org.armed || /^(IGO|NGO)/.test(org.org.code) ? 'organisation' : isName ? 'name' : 'alias', { plural: true, org: org.org.id, armed: !!org.org.armed });
      return last;
    }
    if (kind === 'seat' && country) {
      if (PLACE_PREPS.has(prevWord(i)) || (prevWord(i) === 'the' && PLACE_PREPS.has(i > 1 ? v.lower(i - 2) : ''))) return last;
      push(i, last, countryActor(country, 'GOV'), 'metonymy', { inst: 'government' });
      noteCountry(country);
      return last;
    }
    if (e.type === 'GPE' && country && kinds.some((k) => k.kind === 'country' || k.kind === 'capital')) {
      const isCountry = kinds.some((k) => k.kind === 'country');
      const poss = isPossessive(v.word(next));
      const inst = poss ? institutionAt(next + 1) : institutionAt(next);
      if (inst) { noteCountry(country); push(i, inst.last, countryActor(country, inst.inst.sector), 'description', { inst: inst.inst.id, plural: true }); return inst.last; }
      // a country named as a place ("asylum seekers from Pakistan") is no participant and no context
      if (PLACE_PREPS.has(prevWord(i))) return last;
      noteCountry(country);
      if (isCountry) {
        push(i, last, countryActor(country), country.name === e.span.text ? 'name' : 'alias', {});
      } else if (actsAsSubject(v, i, last)) {
        push(i, last, countryActor(country, 'GOV'), 'metonymy', { inst: 'government' });
      }
      return last;
    }
    // "its Spanish initials", "the Arabic name": a language, not a country in the story
    if (e.type === 'NORP' && country && LANGUAGE_NOUNS.has(v.lower(next))) return last;
    if (e.type === 'NORP' && country) {
      const inst = institutionAt(next);
      // "Rwandan flags", "Russian legislation": a thing's nationality says nothing of whose the people after it are
      const ofThing = !inst && !nounAt(next) && v.pos[next] === 'NOUN' && !v.cap[next];
      if (!ofThing) noteCountry(country);
      // a title after the nationality belongs to the person that follows: handled there
      if (nounAt(next)?.entry.value.kind === 'title') return last;
      if (inst) { push(i, inst.last, countryActor(country, inst.inst.sector), 'demonym', { inst: inst.inst.id, plural: true }); return inst.last; }
      // "Ukrainian drones struck a refinery", "Israeli jets": the weapons stand for the country's forces
      const hardware = hardwareAt(next);
      if (hardware !== undefined) { push(i, hardware, countryActor(country, 'MIL'), 'demonym', { plural: true }); return hardware; }
      const plural = kinds.some((k) => k.kind === 'demonym' && k.plural);
      if (plural && !entityAt.has(next) && v.pos[next] !== 'NOUN') push(i, last, countryActor(country), 'demonym', { plural: true });
      return last;
    }
    // a town or province the dictionary does not know still says whose civilians and mayor these are
    if ((e.type === 'GPE' || e.type === 'LOC') && !country && (!kind || kind === 'city' || kind === 'place')) noteCountry(townCountry(e.span.text));
    if (e.type === 'ORG') {
      // an organisation the dictionary does not list, named after an institution: "the Foreign Ministry"
      for (let k = i; k <= last; k++) {
        const inst = institutionAt(k);
        if (!inst || inst.last !== last) continue;
        let c: CountryEntry | undefined;
        for (let j = i; j < k; j++) { const ek = entityAt.get(j); if (ek) c = countryOf(nameKinds(j, ek.last)) ?? c; }
        // "US Army", "Kenya Defence Forces": a country named inside the organisation's own name wins over the story's
        for (let j = i; j < k && !c; j++) c = countryOf(v.tt.matchAll(dict.names, j).filter((m) => m.last < k).map((m) => m.entry.value));
        // "Armenia's Foreign Ministry", "the Armenian Foreign Ministry"
        const j = i - 1 >= 0 && isPossessive(v.word(i - 1)) ? i - 2 : i - 1;
        const s0 = entityEnding.get(j);
        if (!c && s0 !== undefined && v.sent[s0] === v.sent[i]) c = countryOf(nameKinds(s0, j));
        c ??= contextCountry();
        push(i, last, c ? countryActor(c, inst.inst.sector) : unknownActor(e.span.text), 'description', { inst: inst.inst.id, plural: true }, { entityId: e.id });
        return last;
      }      // "Department of Health", "Killeen Police Department": the sector from the organisation word
      const tails = dict.file.entityRules.orgTailSectors ?? {};
      let sector: string | undefined;
      for (let k = i; k <= last; k++) { const sk = tails[v.word(k)]; if (sk && (!sector || sector === 'GOV')) sector = sk; }
      if (sector) {
        let c: CountryEntry | undefined;
        for (let j = i; j <= last; j++) { const ej = entityAt.get(j); if (ej && j !== i) c = countryOf(nameKinds(j, ej.last)) ?? c; }
        const kinds0 = v.tt.matchAll(dict.names, i).map((m) => m.entry.value);
        c ??= countryOf(kinds0) ?? ctx.sentenceCountry ?? focus;
        push(i, last, c ? { ...countryActor(c, sector), name: e.span.text } : unknownActor(e.span.text), 'organisation', { inst: `org:${e.span.text}`, plural: true }, { entityId: e.id });
        return last;
      }
    }
    return last;
  }
}
