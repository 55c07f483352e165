import { OffsetMap } from '../core/offset-map.js';
import type { Sentence } from '../core/layers/index.js';
import type { Store, StoredArticle } from '../store/store.js';
import type { SourceNote } from './model.js';

/** The stored articles a report cites, each read once. */
export class ArticleShelf {
  private readonly cache = new Map<string, Promise<StoredArticle | undefined>>();
  constructor(private readonly store: Store) {}

  get(id: string): Promise<StoredArticle | undefined> {
    let hit = this.cache.get(id);
    if (!hit) {
      hit = this.store.getArticle(id);
      this.cache.set(id, hit);
    }
    return hit;
  }
}

/**
 * The report's footnotes: one per cited sentence, numbered in order of first use, so
 * two facts read from the same sentence share a note.
 */
export class NoteBook {
  readonly notes: SourceNote[] = [];
  private readonly byKey = new Map<string, number>();

  /** Cite a sentence of an article by its clean-text span. */
  cite(article: StoredArticle, sentence: { start: number; end: number; text: string }, phrase?: string): number {
    const key = `${article.id}\u0000${sentence.start}`;
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const map = new OffsetMap(article.document.clean?.offsetMap ?? []);
    const meta = article.document.meta;
    const note: SourceNote = {
      n: this.notes.length + 1,
      articleId: article.id,
      ...(meta.title ? { title: meta.title } : {}),
      ...(meta.outlet ? { outlet: meta.outlet } : {}),
      ...(meta.url ? { url: meta.url } : {}),
      ...(meta.publishedAt ? { publishedAt: meta.publishedAt } : {}),
      sentence: sentence.text,
      span: { start: sentence.start, end: sentence.end },
      rawSpan: map.toRawRange(sentence.start, sentence.end),
      ...(phrase ? { phrase } : {}),
    };
    this.notes.push(note);
    this.byKey.set(key, note.n);
    return note.n;
  }

  /** Cite the sentence with this index (a count's or a quote's sentence). */
  citeSentence(article: StoredArticle, index: number, phrase?: string): number {
    const sentences = (article.document.layers.sentences as Sentence[] | undefined) ?? [];
    const s = sentences.find((x) => x.index === index) ?? sentences[index];
    // a fact always has its sentence; fall back to the phrase itself rather than cite nothing
    const span = s?.span ?? { start: 0, end: 0, text: phrase ?? '' };
    return this.cite(article, span, phrase);
  }
}
