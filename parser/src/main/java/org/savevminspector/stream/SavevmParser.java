package org.savevminspector.stream;

import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.io.ByteSource;

/** The shape walk of a QEVM stream (spec Appendix Z steps 1–2). (Being implemented.) */
public final class SavevmParser {
    private final DeviceCatalog catalog;

    public SavevmParser(DeviceCatalog catalog) {
        this.catalog = catalog;
    }

    public ParseResult parse(ByteSource src, ParseOptions options) {
        throw new UnsupportedOperationException("not yet");
    }
}
