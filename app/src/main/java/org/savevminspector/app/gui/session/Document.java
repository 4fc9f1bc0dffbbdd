package org.savevminspector.app.gui.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.savevminspector.app.gui.model.Anomalies;
import org.savevminspector.app.gui.model.StructureTree;
import org.savevminspector.container.ContainerIndex;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.Input;
import org.savevminspector.io.InputName;
import org.savevminspector.loader.LoaderProfile;

/**
 * An open file: its inspection (done off the FX thread), the structure tree and anomaly layer built from it, and
 * the hex pane's own byte source (separate from the one the parse used: byte sources are not thread-safe).
 *
 * @param path        the file
 * @param displayName name for the title bar
 * @param synthetic   whether this is the bundled synthetic sample (a banner says so)
 * @param container   the save image around the QEVM stream ({@code inspection} is then at image offsets), or
 *                    {@code null}
 * @param input       the input as opened (decompressed, or a VHD's virtual disk), whose bytes the panes read; or
 *                    {@code null} for a document read from {@code path} as it is
 */
public record Document(Path path, String displayName, boolean synthetic, Inspection inspection, StructureTree tree,
                       Anomalies anomalies, ByteSource hexSource, ContainerIndex container, Input input)
        implements AutoCloseable {

    /** A document read from its path as it is. */
    public Document(Path path, String displayName, boolean synthetic, Inspection inspection, StructureTree tree,
                    Anomalies anomalies, ByteSource hexSource, ContainerIndex container) {
        this(path, displayName, synthetic, inspection, tree, anomalies, hexSource, container, null);
    }

    /** A document without a container index (bare streams, tests). */
    public Document(Path path, String displayName, boolean synthetic, Inspection inspection, StructureTree tree,
                    Anomalies anomalies, ByteSource hexSource) {
        this(path, displayName, synthetic, inspection, tree, anomalies, hexSource, null);
    }

    public long size() {
        return hexSource.size();
    }

    /**
     * A new source over the document's bytes, for another thread (find, repair): the decompressed data or the
     * virtual disk when the file arrived so, never the stored bytes. The caller closes it.
     */
    public ByteSource open() throws IOException {
        return input != null ? input.open() : ByteSource.open(path);
    }

    /** The input the document was read from; one read from its path as it is, as that file read in place. */
    public Input asInput() {
        return input != null ? input : new Input.InPlace(InputName.of(path), path, size());
    }

    /** The file the user opened, which a repaired copy must never replace ({@code null} for a pipe). */
    public Path original() {
        return input != null ? input.original() : path;
    }

    /** The folder file dialogs start in: the file's own, or {@code null} for the sample's temporary copy. */
    public Path directory() {
        return synthetic ? null : path.getParent();
    }

    /**
     * The same file re-simulated with another loader profile: same shape walk, same bytes, same tree nodes (so
     * what is expanded and selected stays); new diagnostics, statuses and anomaly layer. Runs on the FX thread:
     * the simulation replays headers only.
     */
    public Document withLoader(LoaderProfile profile) {
        Inspection in = Inspector.standard().withLoader(inspection, hexSource, profile);
        return new Document(path, displayName, synthetic, in, tree.withInspection(in), Anomalies.of(in), hexSource,
                container, input);
    }

    /** Whether {@code other} shows the same bytes with the same nodes: it is this file re-simulated. */
    public boolean sameFile(Document other) {
        return other != null && other.hexSource == hexSource;
    }

    /** Closes the hex pane's source; runs on the FX thread when another file replaces this one. */
    @Override
    public void close() {
        try {
            hexSource.close();
        } catch (UncheckedIOException e) {
            // a read-only channel that fails to close has lost nothing; a stack trace here would help nobody
        }
    }
}
