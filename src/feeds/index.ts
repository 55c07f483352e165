/** Following RSS/Atom feeds: parse, fetch safely, remember what was seen, store new articles. */
export { parseFeed, itemKey, FEED_LIMITS, type FeedItem, type ParsedFeed, type FeedParseResult } from './parse.js';
export { classifyAddress, isPublicAddress, assertPublicUrl, BlockedAddressError, type AddressClass, type LookupAll } from './address.js';
export { fetchUrl, FetchError, USER_AGENT, type FetchOptions, type FetchResult } from './fetch.js';
export { backoffDelay, HostGate, parseInterval } from './politeness.js';
export { MemoryFeedState, type FeedRecord, type FeedState } from './state.js';
export { SqliteFeedState } from './sqlite-state.js';
export { PostgresFeedState } from './postgres-state.js';
export { openFeedState } from './open-state.js';
export { pollFeed, pollFeeds, watchFeeds, describePoll, type PollResult, type WatchOptions } from './watcher.js';
