package org.savevminspector.io;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;

/**
 * One more stage of {@link InputOpener}'s pipeline, after the input has been made readable at random: e.g. a
 * compressed input replaced by its decompressed private copy, or a virtual-disk image replaced by a view of the
 * disk it holds. Callers never see the steps; they get the last stage's {@link Input}.
 */
@FunctionalInterface
public interface InputStep {

    /**
     * Returns {@code in} itself when this step does not apply. Otherwise it returns the new input and owns
     * {@code in}: it closes {@code in} when the new input no longer needs it (a decompressed copy), or closes it
     * from the new input's {@link Input#close()} (a view over it). It keeps {@code in.name()}, so reports still
     * name the input as the user gave it.
     */
    Input apply(Input in, Context context) throws IOException;

    /** Where the step runs in the pipeline, lowest first: a step that undoes an outer layer comes before the inner. */
    default int order() {
        return 0;
    }

    /** What the pipeline lends its steps. */
    interface Context {
        /**
         * Reads {@code bytes} (derived from {@code from}, e.g. its decompressed content) once into memory or a
         * private temporary copy (mode 0600, removed on close and at exit), under the same size cap and with the
         * same progress as a piped input; the copy keeps {@code from}'s name and original file.
         */
        Input copy(Input from, ReadableByteChannel bytes) throws IOException;

        /**
         * The parent of a differencing virtual disk, opened through the whole pipeline (so that it may itself be a
         * differencing disk with a parent), or {@code null} when the user gave none; the caller closes it.
         */
        default Input parent() throws IOException {
            return null;
        }
    }
}
