package org.savevminspector.loader;

/**
 * A finished replay: the report plus what the diagnostics need to say where and why it ended.
 *
 * @param report        the public report
 * @param abort         why qemu-dm died, or {@code null}
 * @param endOffset     where the deciding bytes are (refused header, bad type byte, the value that moved a port)
 * @param endLength     how many bytes that is
 * @param endSection    the section concerned, or -1
 */
record LoaderRun(LoaderReport report, PortModel.Abort abort, long endOffset, long endLength, int endSection) {
}
