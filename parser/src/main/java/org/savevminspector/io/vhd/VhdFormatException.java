package org.savevminspector.io.vhd;

import java.io.IOException;

/** A VHD that cannot be read as a disk at all (no dynamic header, an impossible block size): one sentence why. */
public final class VhdFormatException extends IOException {
    public VhdFormatException(String reason) {
        super(reason);
    }
}
