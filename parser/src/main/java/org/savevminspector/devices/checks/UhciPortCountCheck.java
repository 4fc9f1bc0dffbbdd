package org.savevminspector.devices.checks;

import java.util.Set;
import org.savevminspector.devices.XenServerNames;
import org.savevminspector.diagnostics.DiagnosticCode;

/** UHCI port count (FORMAT.md B.3.24): the writer writes NB_PORTS = 2 and {@code uhci_load} rejects any other count. */
public final class UhciPortCountCheck extends FieldRule {
    public UhciPortCountCheck() {
        super("uhci-port-count", "UHCI port count",
                "num_ports is NB_PORTS = 2; uhci_load rejects any other count right after reading it (277 bytes "
                        + "into the body, QT hw/usb-uhci.c, FORMAT.md B.3.24, FORMAT.md B.6).",
                DiagnosticCode.IMPOSSIBLE_COUNT, Set.of(XenServerNames.UPSTREAM_UHCI, XenServerNames.UHCI),
                new String[] {"num_ports"},
                v -> v == 2, v -> "uhci-ports");
    }
}
