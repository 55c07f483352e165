import type { CasualtyCount, CountTally, EventRecord } from '../core/layers/index.js';
import type { EventRow } from '../query/event-rows.js';
import { reconcileFigure, type FigureClaim } from '../reconcile/cross-article.js';
import type { StoryCluster } from '../reconcile/stored-clusters.js';
import type { StoredArticle } from '../store/store.js';
import { HEADLINE_KINDS, type FigureClaimLine, type HeadlineFigure } from './model.js';
import type { ArticleShelf, NoteBook } from './notes.js';

type Kind = HeadlineFigure['kind'];

/** One article's stored tally of a kind, when one of its claims belongs to an event of the period. */
function tallyInPeriod(article: StoredArticle, kind: Kind, periodEvents: Set<string>): CountTally | undefined {
  const tally = ((article.document.layers.tallies as CountTally[] | undefined) ?? []).find((t) => t.kind === kind);
  if (!tally) return undefined;
  const claimed = new Set(tally.claims.map((c) => c.countId));
  const events = (article.document.layers.events as EventRecord[] | undefined) ?? [];
  const inPeriod = events.some((e) => periodEvents.has(`${article.id}#${e.id}`) && e.countIds.some((id) => claimed.has(id)));
  return inPeriod ? tally : undefined;
}

/**
 * The period's headline figures, from what the store already holds: each article's
 * tally (the tallies stage), reconciled across the articles of one story with
 * `reconcileFigure` (best is the latest report's; low and high also keep each article's
 * own range), then added up over the stories. An article's tally counts when one of its
 * claims belongs to an event the filter kept.
 */
export async function headlineFigures(stories: StoryCluster[], rows: EventRow[], shelf: ArticleShelf, notes: NoteBook): Promise<HeadlineFigure[]> {
  const periodEvents = new Set(rows.map((r) => `${r.articleId}#${r.event.id}`));
  const periodArticles = new Set(rows.map((r) => r.articleId));
  const out: HeadlineFigure[] = [];
  for (const kind of HEADLINE_KINDS) {
    const figure: HeadlineFigure = { kind, low: 0, best: 0, high: 0, sources: 0, stories: 0, disagreement: false, claims: [] };
    for (const story of stories) {
      const tallies: { article: StoredArticle; tally: CountTally }[] = [];
      for (const { id } of story.articles.filter((a) => periodArticles.has(a.id))) {
        const article = await shelf.get(id);
        const tally = article && tallyInPeriod(article, kind, periodEvents);
        if (article && tally) tallies.push({ article, tally });
      }
      if (!tallies.length) continue;
      const claims: FigureClaim[] = tallies.map(({ article, tally }) => ({
        articleId: article.id,
        outlet: article.document.meta.outlet,
        publishedAt: article.document.meta.publishedAt,
        claimant: null,
        value: tally.best,
        qualifier: 'tally',
        countId: tally.claims[0]?.countId ?? '',
      }));
      const reconciled = reconcileFigure(kind, claims);
      figure.low += Math.min(reconciled.low, ...tallies.map((t) => t.tally.low));
      figure.best += reconciled.best;
      figure.high += Math.max(reconciled.high, ...tallies.map((t) => t.tally.high));
      figure.sources += reconciled.sources;
      figure.stories++;
      figure.disagreement ||= reconciled.disagreement;
      for (const { article, tally } of tallies) figure.claims.push(...claimLines(article, tally, notes));
    }
    if (figure.stories) out.push(figure);
  }
  return out;
}

/** Every claim of an article's tally, each footnoted to the sentence of its count. */
function claimLines(article: StoredArticle, tally: CountTally, notes: NoteBook): FigureClaimLine[] {
  const counts = (article.document.layers.counts as CasualtyCount[] | undefined) ?? [];
  return tally.claims.map((claim) => {
    const count = counts.find((c) => c.id === claim.countId);
    return {
      value: claim.value,
      qualifier: claim.qualifier,
      claimant: claim.claimant,
      ...(article.document.meta.outlet ? { outlet: article.document.meta.outlet } : {}),
      articleId: article.id,
      countId: claim.countId,
      note: count ? notes.citeSentence(article, count.sentence, claim.span.text) : notes.cite(article, claim.span, claim.span.text),
    };
  });
}
