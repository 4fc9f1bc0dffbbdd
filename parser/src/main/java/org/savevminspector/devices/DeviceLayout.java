package org.savevminspector.devices;

import java.util.List;
import org.savevminspector.devices.layout.Layout;

/**
 * The body layout of one (device, version) pair. Each implementation is one small class in a
 * {@code devices.*} package, listed in {@code META-INF/services/org.savevminspector.devices.DeviceLayout} with its
 * idstr and aliases after {@code #} (the catalogue makes it when a file names one of them); nothing else needs to
 * change to add a device or a version.
 */
public interface DeviceLayout {

    /** The idstr the device registers with ({@code register_savevm}). */
    String idstr();

    /** Other idstrs the same body is written under (e.g. XenServer's {@code UHCI usb controller}). */
    default List<String> aliases() {
        return List.of();
    }

    /** The version label this layout belongs to. */
    int version();

    /**
     * Whose numbering this label is. Only primary layouts are asked (a label is looked up by {@code find}); an
     * alternative body says who wrote it by its {@link #variant()}.
     */
    default Origin origin() {
        return Origin.UPSTREAM;
    }

    Layout layout();

    /**
     * The name of an alternative body for the same (idstr, version) label, or {@code ""} for the primary one. Two
     * writers put different bodies under one label: the 2008 3-byte {@code pcislots} and its 2009 34-byte form,
     * or XenServer's v1 dialect (FORMAT.md X.2, {@link #XENSERVER_V1_DIALECT}), whose PCI devices carry their
     * configuration without the {@code pci.version} word. Only streams whose records carry their length (v2, v1)
     * can tell them apart; a v3 walk always uses the primary body.
     */
    default String variant() {
        return "";
    }

    /** {@link #variant()} of the bodies of XenServer's v1 file dialect (FORMAT.md X.2). */
    String XENSERVER_V1_DIALECT = "xenserver-v1";

    /** Upstream file and function the layout was read from, e.g. {@code QT hw/piix4acpi.c:piix4acpi_save}. */
    String source();

    /** Whose numbering a version label belongs to. */
    enum Origin {
        /** qemu-xen-traditional as published by Xen.org. */
        UPSTREAM,
        /** XenServer's patched qemu-dm (private numbering, docs/FORMAT.md X). */
        XENSERVER
    }
}
