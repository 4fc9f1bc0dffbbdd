package org.savevminspector.diff;

import java.util.List;
import org.savevminspector.model.Span;

/**
 * One entry of the volatile set: fields that differ between two saves of the same idle guest because time passed
 * or traffic flowed, not because the device state differs.
 *
 * @param globs field-path globs ({@code IDSTR.PATH}, see {@link Glob})
 * @param bytes for a byte array: only these ranges (relative to the field) are volatile; empty for the whole field
 * @param why   one line saying what the field counts
 */
public record VolatileField(List<String> globs, List<Span> bytes, String why) {

    public VolatileField {
        globs = List.copyOf(globs);
        bytes = List.copyOf(bytes);
    }

    VolatileField(String glob, String why) {
        this(List.of(glob), List.of(), why);
    }
}
