import type { AcledEventView, AcledLexicon } from './acled.js';

/** Who did what to whom in one event, as the ACLED rules of ./acled.ts read it. */

export const sectorOf = (code: string | undefined) => code?.split(' ')[1];

export interface Roles {
  srcSector?: string;
  tgtSector?: string;
  srcText: string;
  tgtText: string;
  /** the words right after a verb trigger when they are not the target found: its direct object */
  object?: string;
}

// "attack on a village by Garre militia": a target named in a "by" phrase is the agent
const BY_AGENT = /\bby\s+(?:[\w'-]+\s+){0,3}$/i;
// the direct object ends at a preposition, a clause or the sentence
const OBJECT = /^\s+((?:(?!(?:in|at|on|near|outside|inside|into|along|across|through|between|among|against|from|with|by|during|after|before|over|for|and|who|that|which|while|as|when|because|to)\b)[\w'-]+\s*){1,5})/i;
const OBJECT_START = /^\s+(?:a|an|the|his|her|their|its|one|two|three|four|five|six|seven|eight|nine|ten|several|\d+)\b/i;

/**
 * Who did what to whom as the ACLED rules should read it. The participants are taken as found,
 * except that a target named as the agent of a passive ("by Garre militia") is the source, a target
 * right before a bare verb trigger that takes an object ("a police officer attack a woman": terse
 * notes drop the verb's agreement) is its subject, and a direct object after a verb trigger is
 * kept when the target found is elsewhere in the sentence.
 */
export function roles(e: AcledEventView, sentence: string): Roles {
  // "3 civilians killed during a raid" read with the victims as both sides: they are only its target
  const selfDone = !!e.source && !!e.target && e.source.span.start < e.target.span.end && e.target.span.start < e.source.span.end;
  const base: Roles = { srcSector: selfDone ? undefined : sectorOf(e.source?.actorCode), tgtSector: sectorOf(e.target?.actorCode), srcText: selfDone ? '' : (e.source?.span.text ?? ''), tgtText: e.target?.span.text ?? '' };
  if (!e.trigger || !e.sentenceSpan) return base;
  const tStart = e.trigger.start - e.sentenceSpan.start;
  const tEnd = e.trigger.end - e.sentenceSpan.start;
  const target = e.target && e.target.span.start >= e.sentenceSpan.start && e.target.span.end <= e.sentenceSpan.end ? { start: e.target.span.start - e.sentenceSpan.start, end: e.target.span.end - e.sentenceSpan.start } : undefined;
  const after = sentence.slice(tEnd);
  const objectText = OBJECT.exec(after)?.[1]?.trim();
  const object = objectText && !(target && target.start >= tEnd && target.start < tEnd + after.indexOf(objectText) + objectText.length) ? objectText : undefined;
  if (target && !e.source && target.start >= tEnd && BY_AGENT.test(sentence.slice(tEnd, target.start))) {
    return { srcSector: base.tgtSector, srcText: base.tgtText, tgtText: '', ...(object ? { object } : {}) };
  }
  const bareVerb = !/(?:ed|en|ing)$/i.test(e.trigger.text) && OBJECT_START.test(after);
  if (target && !e.source && bareVerb && target.end <= tStart && /^\s+$/.test(sentence.slice(target.end, tStart))) {
    return { srcSector: base.tgtSector, srcText: base.tgtText, tgtText: '', ...(objectText ? { object: objectText } : {}) };
  }
  return object ? { ...base, object } : base;
}

// "1 policeman and 2 civilians", "a soldier and a teacher": counted nouns joined before the target
const COUNT = '(?:\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several)';
const COUNTED_CONJUNCT = new RegExp(`\\b${COUNT}\\s+((?:[\\w-]+\\s+)?[\\w-]+)\\s+and\\s+(?:${COUNT}\\s+)?$`, 'i');

/** A direct object that names only armed or only unarmed people decides the target's kind. */
export function objectKind(lex: AcledLexicon, object: string): { targetArmed: boolean; targetCivilian: boolean } | undefined {
  const armed = lex.armed.test(object);
  const civilian = lex.civilian.test(object);
  if (armed === civilian) return undefined;
  return { targetArmed: armed, targetCivilian: civilian };
}

/**
 * Whether an event's target is armed or civilian: its sector, else its words ("South West
 * State's militiamen": the head after a possessive counts, as does an "of" group and an armed
 * conjunct), else, with no target or a bare name, the words of the sentence outside the source
 * and outside an agent named right after the trigger.
 */
export function targetKind(lex: AcledLexicon, sentence: string, tgtText: string, tgtSector: string | undefined, srcText: string, triggerEnd?: number): { targetArmed: boolean; targetCivilian: boolean } {
  const at = tgtText ? sentence.indexOf(tgtText) : -1;
  const after = at >= 0 ? sentence.slice(at + tgtText.length) : '';
  // "the leader of an armed group": whose member the target is tells as much as its own head
  const head = /^[’']s?\s+((?:[\w-]+\s+){0,2}[\w-]+)/.exec(after)?.[1] ?? /^\s+of\s+((?:[\w-]+\s+){0,2}[\w-]+)/.exec(after)?.[1] ?? '';
  // "killing three civilians and five police": armed people among the victims make it a fight
  const conjunct = /^\s+and\s+((?:[\w-]+\s+){0,2}[\w-]+)/.exec(after)?.[1] ?? '';
  const words = `${tgtText} ${head}`;
  // "a police informant", "an army wife": a target that only modifies the noun after it is not the victim's kind
  const modified = /^\s+([a-z][\w-]*)/.exec(after)?.[1];
  if (tgtText && modified && lex.civilian.test(modified) && !lex.armed.test(modified)) return { targetArmed: false, targetCivilian: true };
  // "1 policeman and 2 civilians were shot": the conjunct before the target counts as well
  const before = at > 0 ? (COUNTED_CONJUNCT.exec(sentence.slice(Math.max(0, at - 60), at))?.[1] ?? '') : '';
  if (tgtText && ((conjunct && lex.armed.test(conjunct)) || (before && lex.armed.test(before)))) return { targetArmed: true, targetCivilian: false };
  // ACLED codebook: off-duty or former security personnel are civilians
  if (at >= 0 && /\b(?:off-duty|retired|former|ex)[\s-]+(?:[\w-]+\s+)?$/i.test(sentence.slice(Math.max(0, at - 30), at))) return { targetArmed: false, targetCivilian: true };
  if ((tgtSector && lex.armedSectors.includes(tgtSector)) || (tgtText && lex.armed.test(words))) return { targetArmed: true, targetCivilian: false };
  if ((tgtSector && lex.crowdSectors.includes(tgtSector)) || (tgtText && lex.civilian.test(words))) return { targetArmed: false, targetCivilian: true };
  if (tgtText && !tgtSector) return { targetArmed: false, targetCivilian: false };
  const rest = withoutAgent(srcText ? sentence.split(srcText).join(' ') : sentence, sentence, triggerEnd);
  const armed = lex.armed.test(rest) && !lex.civilian.test(rest);
  return { targetArmed: armed, targetCivilian: !armed && lex.civilian.test(rest) };
}

/**
 * "killed in a raid by unidentified bandits", "attack on a village by Garre militia": the agent
 * named right after the trigger did the act, so its words do not tell what the target was.
 */
function withoutAgent(rest: string, sentence: string, triggerEnd: number | undefined): string {
  if (triggerEnd === undefined) return rest;
  const agent = /^(?:\s*[\w-]+){0,4}?\s+by\s+(?:[\w-]+\s+){0,3}[\w-]+/i.exec(sentence.slice(triggerEnd));
  if (!agent) return rest;
  const by = agent[0].search(/\sby\s/i);
  return rest.split(agent[0].slice(by)).join(' ');
}
