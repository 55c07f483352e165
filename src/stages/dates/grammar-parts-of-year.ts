import type { DateLexicon } from '../../core/date-lexicon.js';
import type { Sem } from './sem.js';
import { fragments, rx, wordAfter, type Rule } from './grammar-util.js';

/** words of a sentence about results, where "the quarter" is a period of account */
const REPORTING_CONTEXT = /\b(?:profits?|revenues?|earnings|sales|income|loss|losses|growth|economy|GDP|output|dividends?|percent|grew|shrank|rose|fell)\b|%/i;

/**
 * Rules for the parts of a year that business and budget news counts in: "the quarter"
 * (the one being reported on) and halves ("the first half of 2022" = 2022-H1).
 */
export function partOfYearRules(lex: DateLexicon): Rule[] {
  const f = fragments(lex);
  return [
    {
      // "profit rose in the quarter", "the latest quarter": the quarter a report covers
      name: 'reported-quarter',
      re: /(?<![A-Za-z0-9])[Tt]he\s+(?:(?<adj>latest|most\s+recent|recent|just[-\s]ended|just[-\s]completed)\s+)?quarter(?![A-Za-z0-9-])/g,
      build(m, text) {
        // "the quarter of the vote", "the quarter ended June 30" is fine, "the quarter century" is not
        const after = wordAfter(text, m.index + m[0].length);
        if (['of', 'century', 'mile', 'hour', 'final', 'finals', 'point', 'where', 'in'].includes(after)) return null;
        // a city's quarter is a place: the reporting quarter comes with figures
        if (!REPORTING_CONTEXT.test(text)) return null;
        return { sem: { kind: 'period', unit: 'Q', shift: -1, reported: m.groups!.adj ? undefined : true } };
      },
    },
    {
      // "the first half of the year", "the second half of 2022", "first-half" results of this year
      name: 'half-year',
      re: rx(
        `(?:the\\s+)?(?<ord>first|second)[-\\s]half\\s+of\\s+(?:(?<year>${f.year})|(?<the>the|this)\\s+year|(?<shift>last|next)\\s+year)`,
      ),
      build(m) {
        const g = m.groups!;
        const h = g.ord!.toLowerCase() === 'first' ? 1 : 2;
        const sem: Sem = g.year ? { kind: 'half', h, y: Number(g.year) } : { kind: 'half', h, yearShift: g.shift ? (g.shift.toLowerCase() === 'next' ? 1 : -1) : 0 };
        return { sem };
      },
    },
  ];
}
