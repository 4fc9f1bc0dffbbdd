package org.savevminspector.loader;

/**
 * {@code upstream}: qemu-xen-traditional as Xen ≥ 4.1 ships it (the source docs/FORMAT.md B describes, measured in
 * FORMAT.md V): the rows of {@link UpstreamDevices}, ACPI at V1 in a fresh process, a failed load logged and the
 * guest resumed ({@code QT xen-vl-extra.c:do_loadvm}).
 */
final class UpstreamProfile {
    static final LoaderProfile PROFILE = LoaderProfile.from(UpstreamDevices.all())
            .build("upstream", "upstream qemu-dm",
                    "qemu-xen-traditional of Xen ≥ 4.1 (QT savevm.c:qemu_loadvm_state; the devices QT hw/pc.c:pc_init1 registers)");

    private UpstreamProfile() {
    }
}
