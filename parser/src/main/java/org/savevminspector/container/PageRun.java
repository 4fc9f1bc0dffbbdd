package org.savevminspector.container;

/**
 * A summary of consecutive page-data batches (legacy libxc page batches or v2 {@code PAGE_DATA} records): the
 * walk merges neighbours into one run so that the index of a 64 GiB guest is a handful of values, not one
 * object per 4 MiB of memory.
 *
 * @param batches      number of batches or records merged
 * @param entries      pfn entries (pages with and without data)
 * @param pagesWithData entries whose page contents follow in the stream
 * @param minPfn       lowest pfn of any entry ({@code -1} when there are no entries or the pfns were not read)
 * @param maxPfn       highest pfn of any entry ({@code -1} when there are no entries or the pfns were not read)
 * @param payloadBytes bytes of page contents the walk skipped by arithmetic
 * @param v2           whether the batches are migration-v2 {@code PAGE_DATA} records (else legacy page batches)
 * @param entryWidth   bytes per pfn entry: the toolstack word size of a legacy stream, 8 for v2
 * @param pfnsRead     whether the pfn arrays were read: always for legacy batches (their length depends on them),
 *                     for v2 records unless the indexer is {@link ContainerIndexer#headersOnly}; then the
 *                     pages with data are counted from each record's length and the pfn range is unknown
 */
public record PageRun(long batches, long entries, long pagesWithData, long minPfn, long maxPfn, long payloadBytes,
                      boolean v2, int entryWidth, boolean pfnsRead) {

    static PageRun empty(boolean v2, int entryWidth) {
        return new PageRun(0, 0, 0, -1, -1, 0, v2, entryWidth, true);
    }

    /** Adds a batch whose pfn array was read: {@code lo}..{@code hi} is its pfn range. */
    PageRun plus(long batchEntries, long withData, long lo, long hi, long payload) {
        long min = batchEntries == 0 ? minPfn : minPfn < 0 ? lo : Math.min(minPfn, lo);
        long max = batchEntries == 0 ? maxPfn : Math.max(maxPfn, hi);
        return new PageRun(batches + 1, entries + batchEntries, pagesWithData + withData, min, max,
                payloadBytes + payload, v2, entryWidth, pfnsRead);
    }

    /** Adds a batch counted from its header and length alone: the run's pfn range becomes unknown. */
    PageRun plusUnread(long batchEntries, long withData, long payload) {
        return new PageRun(batches + 1, entries + batchEntries, pagesWithData + withData, -1, -1,
                payloadBytes + payload, v2, entryWidth, false);
    }

    /** Adds a batch summarised on its own (its {@link #pfnsRead} decides how). */
    PageRun plus(PageRun batch) {
        return batch.pfnsRead
                ? plus(batch.entries, batch.pagesWithData, batch.minPfn, batch.maxPfn, batch.payloadBytes)
                : plusUnread(batch.entries, batch.pagesWithData, batch.payloadBytes);
    }
}
