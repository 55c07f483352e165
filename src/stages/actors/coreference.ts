import type { ActorMention } from '../../core/layers/index.js';
import type { RegionEntry } from '../../services/actors/index.js';

export interface MentionInfo {
  mention: ActorMention;
  sentence: number;
  token: number;
  person: boolean;
  plural: boolean;
  title?: string;
  inst?: string;
  region?: RegionEntry;
  org?: string;
  armed?: boolean;
}

/** sectors named as many people ("the troops", "residents"): "they", never "it" */
const GROUP_SECTORS = new Set(['CVL', 'PRO', 'REB', 'MIL', 'COP', 'RIO', 'REF', 'LAB', 'EDU', 'MED']);
/** collective nouns that take "they" though they do not end in -s */
const CROWD_WORDS = new Set(['police', 'people', 'personnel', 'staff', 'youth', 'clergy', 'public', 'population']);

/**
 * Many people, who are "they": a crowd sector named by a plural ("the troops", "residents",
 * "police"), or a plural demonym ("the Azeris"). "The Israeli military", "the army" and "the
 * militia" are one body that says "it".
 */
function crowd(m: MentionInfo): boolean {
  const head = m.mention.span.text.toLowerCase().split(/\s+/).pop() ?? '';
  const pluralWord = CROWD_WORDS.has(head) || (/[^s]s$/.test(head) && !head.endsWith("'s"));
  if (m.mention.via === 'demonym' && m.plural && !m.inst) return true;
  return GROUP_SECTORS.has(m.mention.actor.sector ?? '') && (pluralWord || m.mention.via === 'coreference' && m.plural);
}
const SINGULAR = new Set(['he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself']);

/** The article's mentions so far, and the rules that pick an antecedent among them. */
export class Coreference {
  private readonly list: MentionInfo[] = [];

  add(info: MentionInfo): void {
    this.list.push(info);
  }

  /**
   * he/she: the latest person earlier in the sentence, else the first person (the subject,
   * usually) of the nearest of the three previous sentences that has one; they: the same
   * over plural, non-person mentions.
   */
  pronoun(word: string, sentence: number, token: number): MentionInfo | undefined {
    const wantPerson = SINGULAR.has(word);
    const ok = (m: MentionInfo) => (wantPerson ? m.person : !m.person && m.plural);
    for (let k = this.list.length - 1; k >= 0; k--) {
      const m = this.list[k]!;
      if (m.sentence < sentence) break;
      if (m.token < token && ok(m)) return m;
    }
    for (let s = sentence - 1; s >= sentence - 3 && s >= 0; s--) {
      let first: MentionInfo | undefined;
      for (const m of this.list) if (m.sentence === s && ok(m)) { first = m; break; }
      if (first) return first;
      // "Azerbaijan's presidency called ... , he stressed": an office speaks through a person
      if (wantPerson && s === sentence - 1) {
        const office = this.list.find((m) => m.sentence === s && !m.person && !!m.inst && !m.inst.startsWith('org:') && m.mention.actor.sector === 'GOV');
        if (office) return office;
      }
    }
    return undefined;
  }

  /**
   * it/its: the latest single body (a state, a government, an organisation, an office) earlier
   * in the sentence or in the two before; never a person, a region or a crowd ("the troops").
   */
  it(sentence: number, token: number): MentionInfo | undefined {
    for (let k = this.list.length - 1; k >= 0; k--) {
      const m = this.list[k]!;
      if (m.sentence < sentence - 2) break;
      if (m.sentence === sentence && m.token >= token) continue;
      const group = crowd(m) || (m.mention.via === 'description' && !m.mention.actor.sector);
      if (!m.person && !m.region && !group) return m;
    }
    return undefined;
  }

  private latest(pred: (m: MentionInfo) => boolean): MentionInfo | undefined {
    for (let k = this.list.length - 1; k >= 0; k--) if (pred(this.list[k]!)) return this.list[k];
    return undefined;
  }

  byTitle(title: string): MentionInfo | undefined {
    return this.latest((m) => m.person && m.title === title);
  }

  /** the latest mention of that institution; "the ministry" also finds "the health ministry" ("health-ministry") */
  byInstitution(id: string): MentionInfo | undefined {
    return this.latest((m) => m.inst === id) ?? this.latest((m) => !!m.inst && m.inst.endsWith(`-${id}`));
  }

  byOrg(id: string): MentionInfo | undefined {
    return this.latest((m) => m.org === id);
  }

  byRegion(): MentionInfo | undefined {
    return this.latest((m) => !!m.region);
  }

  recentArmedGroup(sentence: number, window: number): MentionInfo | undefined {
    return this.latest((m) => !!m.armed && m.sentence >= sentence - window);
  }

  /** "the group", "the organisation": the latest organisation the dictionary lists, within a few sentences */
  recentOrganisation(sentence: number, window: number): MentionInfo | undefined {
    return this.latest((m) => !!m.org && m.sentence >= sentence - window);
  }

  /** a region named as a place: remembered for "the separatists", not a mention itself */
  noteRegion(_region: RegionEntry): void {}
}
