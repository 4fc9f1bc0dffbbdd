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
 * Lookups are by idstr (or alias) and version label.
 */
public final class DeviceCatalog {
    private final Map<String, List<DeviceLayout>> byIdstr = new HashMap<>();

    public DeviceCatalog(Iterable<? extends DeviceLayout> layouts) {
        for (DeviceLayout d : layouts) {
            add(d.idstr(), d);
            for (String alias : d.aliases()) {
                add(alias, d);
            }
        }
        byIdstr.values().forEach(l -> l.sort((a, b) -> Integer.compare(a.version(), b.version())));
        byIdstr.replaceAll((k, v) -> List.copyOf(v));
    }

    private void add(String idstr, DeviceLayout d) {
        List<DeviceLayout> list = byIdstr.computeIfAbsent(idstr, k -> new ArrayList<>());
        for (DeviceLayout other : list) {
            if (other.version() == d.version()) {
                throw new IllegalStateException("two layouts for " + idstr + " v" + d.version() + ": "
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

    /** Every known layout of a device, lowest version first; empty for an unknown idstr. */
    public List<DeviceLayout> versions(String idstr) {
        return byIdstr.getOrDefault(idstr, List.of());
    }

    public boolean knows(String idstr) {
        return byIdstr.containsKey(idstr);
    }

    public List<String> idstrs() {
        List<String> names = new ArrayList<>(byIdstr.keySet());
        Collections.sort(names);
        return names;
    }

    private static final class Holder {
        static final DeviceCatalog STANDARD =
                new DeviceCatalog(ServiceLoader.load(DeviceLayout.class, DeviceCatalog.class.getClassLoader())
                        .stream().map(ServiceLoader.Provider::get).toList());
    }
}
