package org.savevminspector.container;

/**
 * A summary of consecutive page-data batches (legacy libxc page batches or v2 {@code PAGE_DATA} records): the
 * walk merges neighbours into one run so that the index of a 64 GiB guest is a handful of values, not one
 * object per 4 MiB of memory.
 *
 * @param batches      number of batches or records merged
 * @param entries      pfn entries (pages with and without data)
 * @param pagesWithData entries whose page contents follow in the stream
 * @param minPfn       lowest pfn of any entry ({@code -1} when there are no entries)
 * @param maxPfn       highest pfn of any entry ({@code -1} when there are no entries)
 * @param payloadBytes bytes of page contents the walk skipped by arithmetic
 * @param v2           whether the batches are migration-v2 {@code PAGE_DATA} records (else legacy page batches)
 * @param entryWidth   bytes per pfn entry: the toolstack word size of a legacy stream, 8 for v2
 */
public record PageRun(long batches, long entries, long pagesWithData, long minPfn, long maxPfn, long payloadBytes,
                      boolean v2, int entryWidth) {

    static PageRun empty(boolean v2, int entryWidth) {
        return new PageRun(0, 0, 0, -1, -1, 0, v2, entryWidth);
    }

    PageRun plus(long batchEntries, long withData, long lo, long hi, long payload) {
        long min = batchEntries == 0 ? minPfn : minPfn < 0 ? lo : Math.min(minPfn, lo);
        long max = batchEntries == 0 ? maxPfn : Math.max(maxPfn, hi);
        return new PageRun(batches + 1, entries + batchEntries, pagesWithData + withData, min, max,
                payloadBytes + payload, v2, entryWidth);
    }
}
