/** Input readers: files, folders, standard input → articles or failures naming the input. */
export type { InputArticle, InputFailure, InputItem, InputFormat, ReadOptions, Reader } from './types.js';
export { isFailure } from './types.js';
export { readText, type DecodedText } from './decode.js';
export { normalizeDate } from './dates.js';
export { articleFromHtml, HTML_LIMITS } from './html.js';
export { articlesFromJsonl, articlesFromJson, articleFromRecord } from './records.js';
export { readInputs, readers, sniffFormat, articlesFromBuffer } from './read.js';
