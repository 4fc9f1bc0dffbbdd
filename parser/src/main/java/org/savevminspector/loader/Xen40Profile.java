package org.savevminspector.loader;

import org.savevminspector.devices.known.DeviceDescriptor;
import org.savevminspector.devices.known.KnownDevices;

/**
 * {@code xen-4.0}: qemu-xen-traditional before {@code QT ce3b7ce68426} (2010-11-09, "change in ACPI to match the
 * change in the BIOS"), i.e. Xen 3.4–4.0: {@code gpe} and {@code piix4acpi} registered as version 1 with the V0
 * ACPI block fixed at machine start (docs/FORMAT.md C.1, FORMAT.md B.3.26, FORMAT.md B.3.27). Which devices, and as which version,
 * their descriptors say ({@link DeviceDescriptor.Origin#XEN_4_0}). The other rows are taken to be upstream's:
 * docs/FORMAT.md documents no other loader change between 4.0 and 4.1 that matters to a v3 stream.
 */
final class Xen40Profile {
    static final LoaderProfile PROFILE = xen40Registrations(LoaderProfile.from(UpstreamDevices.all()))
            .freshAcpi(AcpiPlacement.V0)
            .build("xen-4.0", "Xen 4.0 qemu-dm",
                    "qemu-xen-traditional before the 2010-11 ACPI change (Xen 3.4–4.0): gpe v1, piix4acpi v1, "
                            + "ACPI at V0");

    private Xen40Profile() {
    }

    private static LoaderProfile.Builder xen40Registrations(LoaderProfile.Builder b) {
        for (DeviceDescriptor d : KnownDevices.standard().withFacts()) {
            for (DeviceDescriptor.Version v : d.versions()) {
                if (v.origin() == DeviceDescriptor.Origin.XEN_4_0) {
                    b.change(d.idstr(), r -> r.registered(v.number()));
                }
            }
        }
        return b;
    }
}
