package org.savevminspector.container;

/** The kinds of save image the walkers recognise (docs/FORMAT.md D); {@link #json()} is the JSON contract's name. */
public enum ContainerKind {
    /** A bare QEVM stream: the whole file is the device state. */
    RAW("raw", "bare QEVM stream"),
    /** {@code xm save}: {@code LinuxGuestRecord}, config, legacy libxc, QEVM to EOF (FORMAT.md D.2). */
    XEND("xend", "xend (xm save) image"),
    /** Xen 4.0 {@code xl save}: no header, legacy libxc, QEVM to EOF (FORMAT.md D.3, last paragraph). */
    XL_40("xl-4.0", "xl save image of Xen 4.0 (no header)"),
    /** Xen 4.1–4.5 {@code xl save}: xl header, legacy libxc, {@code DeviceModelRecord0002} (FORMAT.md D.3). */
    XL_LEGACY("xl-legacy", "xl save image with a legacy libxc stream (Xen 4.1–4.5)"),
    /** Xen ≥ 4.6: (xl header,) libxl migration stream v2 (FORMAT.md D.4). */
    XL_V2("xl-v2", "libxl migration stream v2 (Xen ≥ 4.6)"),
    /** XenServer ≤ 6.2 {@code XenSavedDomain\n} (FORMAT.md D.5). */
    XENSERVER_LEGACY("xenserver-legacy", "XenServer legacy suspend image"),
    /** XenServer ≥ 6.5 {@code XenSavedDomv2-\n} (FORMAT.md D.5). */
    XENSERVER_V2("xenserver-v2", "XenServer structured suspend image");

    private final String json;
    private final String description;

    ContainerKind(String json, String description) {
        this.json = json;
        this.description = description;
    }

    public String json() {
        return json;
    }

    public String description() {
        return description;
    }
}
