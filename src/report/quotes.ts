import { attributedSpeech, type BackgroundMark, type Quote } from '../core/layers/index.js';
import type { StoredArticle } from '../store/store.js';
import type { ActorQuotes } from './model.js';
import type { NoteBook } from './notes.js';

export interface QuoteLimits {
  actors: number;
  perActor: number;
  minWords: number;
}

/**
 * Who said what: the attributed quotes of the period's articles, by speaker. Quotes tied
 * to one of the period's events come first, then direct quotes, then the longer ones;
 * quotes in background sentences, quotes without a speaker and scare quotes are left out.
 */
export function quotesByActor(articles: StoredArticle[], eventQuoteIds: Set<string>, notes: NoteBook, limits: QuoteLimits = { actors: 8, perActor: 3, minWords: 4 }): ActorQuotes[] {
  const candidates: { actor: string; quote: Quote; article: StoredArticle; rank: number }[] = [];
  for (const article of articles) {
    const past = new Set(((article.document.layers.background as BackgroundMark[] | undefined) ?? []).map((b) => b.sentence));
    for (const quote of attributedSpeech(article.document.layers as { quotes?: Quote[]; statements?: Quote[] })) {
      // a word or two in quotation marks ("legitimate") is a scare quote, not something said
      if (!quote.speaker || past.has(quote.sentence) || quote.span.text.trim().split(/\s+/).length < limits.minWords) continue;
      const actor = (quote.speaker.name ?? quote.speaker.span.text).trim();
      if (!actor) continue;
      const rank = (eventQuoteIds.has(`${article.id}#${quote.id}`) ? 2 : 0) + (quote.direct ? 1 : 0);
      candidates.push({ actor, quote, article, rank });
    }
  }
  const byActor = new Map<string, typeof candidates>();
  for (const c of candidates) byActor.set(c.actor, [...(byActor.get(c.actor) ?? []), c]);
  return [...byActor]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .slice(0, limits.actors)
    .map(([actor, list]) => {
      const seen = new Set<string>();
      const chosen = [...list]
        .sort((a, b) => b.rank - a.rank || b.quote.span.text.length - a.quote.span.text.length)
        .filter((c) => !seen.has(c.quote.span.text) && seen.add(c.quote.span.text))
        .slice(0, limits.perActor);
      return {
        actor,
        quotes: chosen.map((c) => ({ text: c.quote.span.text, direct: c.quote.direct, note: notes.citeSentence(c.article, c.quote.sentence, c.quote.span.text) })),
      };
    });
}
