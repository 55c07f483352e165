import fc from 'fast-check';

/** One generated input: its bytes, the format it claims, and whether a reader must accept it. */
export interface GeneratedInput {
  name: string;
  bytes: Buffer;
  format?: 'txt' | 'html' | 'jsonl' | 'json';
  /** true: a well-formed article that must be stored; false: may be refused, with a reason */
  good: boolean;
}

// our own vocabulary for invented news sentences
const SUBJECTS = ['The army', 'Rebel fighters', 'The interior ministry', 'Protesters', 'Police', 'The governor', 'Aid workers', 'The mayor of Kerval'];
const VERBS = ['said', 'reported', 'denied', 'announced', 'confirmed', 'warned'];
const FACTS = ['that 12 people were killed in the north', 'that at least 40 were injured on Monday', 'that about 3,000 residents fled', 'a ceasefire would begin on Friday', 'that talks resumed in the capital'];

const sentence = fc.tuple(fc.constantFrom(...SUBJECTS), fc.constantFrom(...VERBS), fc.constantFrom(...FACTS)).map(([s, v, f]) => `${s} ${v} ${f}.`);
export const goodArticle = fc.array(sentence, { minLength: 1, maxLength: 8 }).map((xs) => xs.join(' '));

const noise = fc.oneof(
  fc.constant('\u200B'), fc.constant('\u200F'), fc.constant('\u202E'), fc.constant('\uFEFF'), fc.constant('“'), fc.constant('"'),
  fc.constant('«'), fc.constant('’'), fc.constant('\u0000'), fc.constant('\uD800'), fc.constant('\t'), fc.constant('\r'), fc.string({ maxLength: 3 }),
);

/** A good article with zero-width, right-to-left, unbalanced quote and control characters sprinkled in. */
const mangledText = fc.tuple(goodArticle, fc.array(fc.tuple(fc.nat(), noise), { maxLength: 12 })).map(([text, inserts]) => {
  let out = text;
  for (const [at, s] of inserts) {
    const i = at % (out.length + 1);
    out = out.slice(0, i) + s + out.slice(i);
  }
  return out;
});

const manyNumbers = fc.integer({ min: 1000, max: 10000 }).map((n) => `Officials listed ${Array.from({ length: n }, (_, i) => String(i * 7)).join(', ')} as casualties.`);

const deepHtml = fc.tuple(fc.integer({ min: 10, max: 3000 }), fc.constantFrom('div', 'b', 'span', 'p', 'table'), goodArticle, fc.boolean()).map(
  ([depth, tag, text, close]) => `<html><body>${`<${tag}>`.repeat(depth)}${text}${close ? `</${tag}>`.repeat(depth) : ''}<script>alert(1)</script><img src=x onerror=alert(1)>`,
);

const jsonlLine = fc.oneof(
  goodArticle.map((text) => JSON.stringify({ text, publishedAt: '2024-05-01' })),
  fc.constant('{"text": 42}'), fc.constant('{"html": null}'), fc.constant('{"title": "no body"}'), fc.constant('{"text": "x", "publishedAt": "not a date"}'),
  fc.constant('{broken json'), fc.constant('[]'), fc.constant('null'), fc.string({ maxLength: 40 }),
);

export const hostileInput: fc.Arbitrary<Omit<GeneratedInput, 'name'>> = fc.oneof(
  { weight: 3, arbitrary: goodArticle.map((t) => ({ bytes: Buffer.from(t), format: 'txt' as const, good: true })) },
  { weight: 3, arbitrary: mangledText.map((t) => ({ bytes: Buffer.from(t), good: false })) },
  { weight: 2, arbitrary: fc.uint8Array({ minLength: 0, maxLength: 400 }).map((b) => ({ bytes: Buffer.from(b), good: false })) },
  { weight: 1, arbitrary: fc.tuple(goodArticle, fc.nat(40)).map(([t, cut]) => ({ bytes: Buffer.concat([Buffer.from(t), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1].slice(0, 1 + (cut % 7)))]), good: false })) },
  { weight: 1, arbitrary: goodArticle.map((t) => ({ bytes: Buffer.from(t, 'utf16le'), good: true })) },
  { weight: 1, arbitrary: manyNumbers.map((t) => ({ bytes: Buffer.from(t), format: 'txt' as const, good: true })) },
  { weight: 1, arbitrary: deepHtml.map((h) => ({ bytes: Buffer.from(h), format: 'html' as const, good: false })) },
  { weight: 2, arbitrary: fc.array(jsonlLine, { minLength: 1, maxLength: 6 }).map((lines) => ({ bytes: Buffer.from(lines.join('\n')), format: 'jsonl' as const, good: false })) },
);
