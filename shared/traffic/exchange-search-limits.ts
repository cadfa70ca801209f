/**
 * Bounds of the body search (BridgeApi.searchExchanges), shared by both transports so a
 * query refused over IPC is refused over HTTP too.
 */

/** Longer queries are refused: nobody types more, and each one is matched against every body. */
export const MAX_SEARCH_QUERY_LENGTH = 1000;
