package org.savevminspector.devices;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * All known body layouts, found with {@link ServiceLoader} so that adding a decoder never edits this class.
 * Lookups are by idstr (or alias) and version label. Alternative bodies of a label ({@link DeviceLayout#variant()})
 * are kept apart: {@link #find} and {@link #versions} only see the primary ones, {@link #alternatives} all of them.
 * Variants that a writer's dialect implies for many layouts at once (XenServer's v1 dialect of every layout that
 * starts with a PCI block) are derived here by the {@link VariantDerivation} services, unless a layout class states
 * its own.
 */
public final class DeviceCatalog {
    private final Map<String, List<DeviceLayout>> byIdstr = new HashMap<>();
    private final Map<String, List<DeviceLayout>> variantsByIdstr = new HashMap<>();

    public DeviceCatalog(Iterable<? extends DeviceLayout> layouts) {
        List<DeviceLayout> all = new ArrayList<>();
        layouts.forEach(all::add);
        for (DeviceLayout d : all) {
            register(d);
        }
        for (DeviceLayout d : all) {
            if (d.variant().isEmpty()) {
                for (VariantDerivation derivation : Derivations.ALL) {
                    derivation.derive(d).ifPresent(v -> {
                        if (!hasVariant(d.idstr(), d.version(), v.variant())) {
                            register(v);
                        }
                    });
                }
            }
        }
        for (Map<String, List<DeviceLayout>> m : List.of(byIdstr, variantsByIdstr)) {
            m.values().forEach(l -> l.sort((a, b) -> Integer.compare(a.version(), b.version())));
            m.replaceAll((k, v) -> List.copyOf(v));
        }
    }

    private void register(DeviceLayout d) {
        Map<String, List<DeviceLayout>> target = d.variant().isEmpty() ? byIdstr : variantsByIdstr;
        add(target, d.idstr(), d);
        for (String alias : d.aliases()) {
            add(target, alias, d);
        }
    }

    private boolean hasVariant(String idstr, int version, String variant) {
        for (DeviceLayout v : variantsByIdstr.getOrDefault(idstr, List.of())) {
            if (v.version() == version && v.variant().equals(variant)) {
                return true;
            }
        }
        return false;
    }

    private static void add(Map<String, List<DeviceLayout>> target, String idstr, DeviceLayout d) {
        List<DeviceLayout> list = target.computeIfAbsent(idstr, k -> new ArrayList<>());
        for (DeviceLayout other : list) {
            if (other.version() == d.version() && other.variant().equals(d.variant())) {
                throw new IllegalStateException("two layouts for " + idstr + " v" + d.version()
                        + (d.variant().isEmpty() ? "" : " (" + d.variant() + ")") + ": "
                        + other.getClass().getName() + " and " + d.getClass().getName());
            }
        }
        list.add(d);
    }

    /** The catalogue of every layout on the class path. */
    public static DeviceCatalog standard() {
        return Holder.STANDARD;
    }

    public Optional<DeviceLayout> find(String idstr, long version) {
        // indexed: the lists are immutable array lists, and an iterator per lookup showed in allocation profiles
        List<DeviceLayout> versions = versions(idstr);
        for (int i = 0; i < versions.size(); i++) {
            DeviceLayout d = versions.get(i);
            if (d.version() == version) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** Every known primary layout of a device, lowest version first; empty for an unknown idstr. */
    public List<DeviceLayout> versions(String idstr) {
        return byIdstr.getOrDefault(idstr, List.of());
    }

    /** The primary layout of a label (if any) followed by its alternative bodies (variants). */
    public List<DeviceLayout> alternatives(String idstr, long version) {
        List<DeviceLayout> out = new ArrayList<>(2);
        find(idstr, version).ifPresent(out::add);
        for (DeviceLayout v : variantsByIdstr.getOrDefault(idstr, List.of())) {
            if (v.version() == version) {
                out.add(v);
            }
        }
        return out;
    }

    /** Every layout, primary and variant, once each (aliases do not repeat a layout). */
    public List<DeviceLayout> all() {
        List<DeviceLayout> out = new ArrayList<>();
        for (Map<String, List<DeviceLayout>> m : List.of(byIdstr, variantsByIdstr)) {
            for (List<DeviceLayout> l : m.values()) {
                for (DeviceLayout d : l) {
                    if (!out.contains(d)) {
                        out.add(d);
                    }
                }
            }
        }
        out.sort((a, b) -> {
            int c = a.idstr().compareTo(b.idstr());
            c = c != 0 ? c : Integer.compare(a.version(), b.version());
            return c != 0 ? c : a.variant().compareTo(b.variant());
        });
        return out;
    }

    public boolean knows(String idstr) {
        return byIdstr.containsKey(idstr);
    }

    public List<String> idstrs() {
        List<String> names = new ArrayList<>(byIdstr.keySet());
        Collections.sort(names);
        return names;
    }

    private static final class Derivations {
        static final List<VariantDerivation> ALL = ServiceLoader.load(VariantDerivation.class,
                DeviceCatalog.class.getClassLoader()).stream().map(ServiceLoader.Provider::get).toList();
    }

    private static final class Holder {
        static final DeviceCatalog STANDARD =
                new DeviceCatalog(ServiceLoader.load(DeviceLayout.class, DeviceCatalog.class.getClassLoader())
                        .stream().map(ServiceLoader.Provider::get).toList());
    }
}
