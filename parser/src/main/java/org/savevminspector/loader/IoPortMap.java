package org.savevminspector.loader;

import java.util.Arrays;

/**
 * qemu-dm's per-port owner tokens ({@code QT vl.c} {@code ioport_opaque[MAX_IOPORTS]}, l.190–196) with the
 * registration rules of docs/FORMAT.md B.5.3. Handlers themselves are not modelled: only the token decides whether a
 * registration aborts, so that is all a load simulation needs.
 */
final class IoPortMap {
    /** {@code MAX_IOPORTS}. */
    public static final int PORTS = 0x10000;

    /** Ports per page of the table (a fresh qemu-dm uses some 310 ports spread over a dozen pages). */
    private static final int PAGE_BITS = 8;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;

    /**
     * The token table, split into pages that are allocated on the first registration inside them: a full
     * 64K-entry table per simulation cost more than everything else in a load (256 KB to allocate and clear).
     */
    private final PortOwner[][] pages = new PortOwner[PORTS >> PAGE_BITS][];

    /** Owner of a port, {@link PortOwner#NULL} for NULL-token ports, {@code null} when never registered. */
    public PortOwner owner(long port) {
        return port >= 0 && port < PORTS ? token((int) port) : null;
    }

    /** Ports with a non-NULL or NULL token (i.e. ever registered and not unassigned). */
    public int registeredPorts() {
        return (int) Arrays.stream(pages).filter(page -> page != null).flatMap(Arrays::stream)
                .filter(t -> t != null).count();
    }

    private PortOwner token(int port) {
        PortOwner[] page = pages[port >> PAGE_BITS];
        return page == null ? null : page[port & (PAGE_SIZE - 1)];
    }

    private void setToken(int port, PortOwner token) {
        PortOwner[] page = pages[port >> PAGE_BITS];
        if (page == null) {
            if (token == null) {
                return;
            }
            page = new PortOwner[PAGE_SIZE];
            pages[port >> PAGE_BITS] = page;
        }
        page[port & (PAGE_SIZE - 1)] = token;
    }

    /**
     * {@code register_ioport_read/write}: for every visited port, check then store the token. The check passes on
     * free ports, on NULL-token ports and on the caller's own ports; a registration with the NULL token likewise
     * fails only on a port some non-NULL token owns. Stops at the first collision, as {@code hw_error} aborts
     * there. Visited ports past 0xFFFF are counted as overflow and not checked (measured: the token slot past the
     * table held 0 in the real binary, FORMAT.md B.5.3).
     */
    public Registration register(PortRange range, PortOwner token) {
        long claimed = 0;
        long inTable = Math.min(range.end(), PORTS);
        for (long p = range.start(); p < inTable; p += range.step()) {
            PortOwner current = token((int) p);
            if (current != null && !current.isNull() && !current.equals(token)) {
                return new Registration(p, current, 0, claimed);
            }
            setToken((int) p, token);
            claimed++;
        }
        return new Registration(-1, null, visitedFrom(range, PORTS), claimed);
    }

    /** How many ports of the range's visiting pattern lie at or above {@code limit} (counted, not walked). */
    private static long visitedFrom(PortRange range, long limit) {
        if (range.end() <= limit) {
            return 0;
        }
        long firstAbove = range.start() >= limit ? range.start()
                : range.start() + ((limit - range.start() + range.step() - 1) / range.step()) * range.step();
        return firstAbove >= range.end() ? 0 : (range.end() - firstAbove + range.step() - 1) / range.step();
    }

    /**
     * {@code isa_unassign_ioport} ({@code QT vl.c} l.416–431): every port of the range, step 1, loses its
     * handlers and its token, with no ownership check. Ports outside the table are ignored here (the real code
     * has no bounds check either; callers report such ranges as overflow).
     */
    public void unassign(long start, long length) {
        for (long p = Math.max(0, start); p < start + length && p < PORTS; p++) {
            setToken((int) p, null);
        }
    }
}
