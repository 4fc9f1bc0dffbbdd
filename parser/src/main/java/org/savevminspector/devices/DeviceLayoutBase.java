package org.savevminspector.devices;

import java.util.List;
import org.savevminspector.devices.layout.Layout;

/** Convenience base: a decoder class is then just a constructor call with its data. */
public abstract class DeviceLayoutBase implements DeviceLayout {
    private final String idstr;
    private final int version;
    private final String source;
    private final Layout layout;

    protected DeviceLayoutBase(String idstr, int version, String source, Layout layout) {
        this.idstr = idstr;
        this.version = version;
        this.source = source;
        this.layout = layout;
    }

    @Override
    public final String idstr() {
        return idstr;
    }

    @Override
    public final int version() {
        return version;
    }

    @Override
    public final Layout layout() {
        return layout;
    }

    @Override
    public final String source() {
        return source;
    }

    @Override
    public String toString() {
        String alias = aliases().isEmpty() ? "" : " " + List.copyOf(aliases());
        String who = !variant().isEmpty() ? " (" + variantName() + ")"
                : origin() == Origin.UPSTREAM ? "" : " (XenServer numbering)";
        return idstr + alias + " v" + version + who;
    }

    private String variantName() {
        return variant().equals(XENSERVER_V1_DIALECT) ? "XenServer v1 dialect" : variant() + " form";
    }
}
