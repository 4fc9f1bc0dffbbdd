package org.savevminspector.devices;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * All known body layouts, registered in {@code META-INF/services/org.savevminspector.devices.DeviceLayout} so that
 * adding a decoder never edits this class. Lookups are by idstr (or alias) and version label. Alternative bodies of
 * a label ({@link DeviceLayout#variant()}) are kept apart: {@link #find} and {@link #versions} only see the primary
 * ones, {@link #alternatives} all of them. Variants that a writer's dialect implies for many layouts at once
 * (XenServer's v1 dialect of every layout that starts with a PCI block) are derived here by the
 * {@link VariantDerivation} services, unless a layout class states its own.
 *
 * <p>The standard catalogue builds the layouts of an idstr when that idstr is first looked up: a file holds a
 * dozen of the sixty-odd devices, and building every layout was a fifth of a {@code check} of a small file. Each
 * line of the services file names its class and, after {@code #} (a comment to {@link ServiceLoader}), the idstr
 * and aliases the class registers under, separated by {@code |}; a line without them (a layout from another jar)
 * is built at once to learn them.
 */
public final class DeviceCatalog {
    private static final String SERVICES = "META-INF/services/" + DeviceLayout.class.getName();
    private static final Group UNKNOWN = new Group(List.of(), List.of());

    /** Registrations by idstr and alias, in registration order. Never changes after construction. */
    private final Map<String, List<Registration>> byKey = new LinkedHashMap<>();
    private final Map<String, Group> groups = new ConcurrentHashMap<>();

    /** A catalogue of these layouts, built (and checked for two layouts of one label) at once. */
    public DeviceCatalog(Iterable<? extends DeviceLayout> layouts) {
        for (DeviceLayout d : layouts) {
            register(new Registration(d));
        }
        all();
    }

    private DeviceCatalog(List<Registration> registrations) {
        registrations.forEach(this::register);
    }

    private void register(Registration r) {
        for (String key : r.keys) {
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
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
        return group(idstr).primaries;
    }

    /** The primary layout of a label (if any) followed by its alternative bodies (variants). */
    public List<DeviceLayout> alternatives(String idstr, long version) {
        List<DeviceLayout> out = new ArrayList<>(2);
        find(idstr, version).ifPresent(out::add);
        for (DeviceLayout v : group(idstr).variants) {
            if (v.version() == version) {
                out.add(v);
            }
        }
        return out;
    }

    /** Every layout, primary and variant, once each (aliases do not repeat a layout). */
    public List<DeviceLayout> all() {
        List<DeviceLayout> out = new ArrayList<>();
        for (String key : byKey.keySet()) {
            Group g = group(key);
            for (List<DeviceLayout> l : List.of(g.primaries, g.variants)) {
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
        return !versions(idstr).isEmpty();
    }

    public List<String> idstrs() {
        List<String> names = new ArrayList<>();
        for (String key : byKey.keySet()) {
            if (knows(key)) {
                names.add(key);
            }
        }
        Collections.sort(names);
        return names;
    }

    /**
     * The layouts registered under {@code key}, built on its first lookup. An unknown key is not remembered: a
     * damaged file can name a million different idstrs.
     */
    private Group group(String key) {
        Group g = groups.get(key);
        if (g != null) {
            return g;
        }
        if (!byKey.containsKey(key)) {
            return UNKNOWN;
        }
        synchronized (this) {
            return groups.computeIfAbsent(key, this::build);
        }
    }

    /** Primaries and stated variants in registration order, then the derived variants; each by version. */
    private Group build(String key) {
        List<DeviceLayout> primaries = new ArrayList<>();
        List<DeviceLayout> variants = new ArrayList<>();
        for (Registration r : byKey.get(key)) {
            DeviceLayout d = r.layout();
            add(d.variant().isEmpty() ? primaries : variants, key, d);
        }
        for (Registration r : byKey.get(key)) {
            for (DeviceLayout v : derived(r)) {
                add(variants, key, v);
            }
        }
        primaries.sort((a, b) -> Integer.compare(a.version(), b.version()));
        variants.sort((a, b) -> Integer.compare(a.version(), b.version()));
        return new Group(List.copyOf(primaries), List.copyOf(variants));
    }

    /**
     * The variants the derivations make of a primary layout, once (the same objects under each of its keys),
     * unless a class states that variant of its idstr and version itself.
     */
    private List<DeviceLayout> derived(Registration r) {
        if (r.derived == null) {
            DeviceLayout d = r.layout();
            List<DeviceLayout> out = new ArrayList<>(1);
            if (d.variant().isEmpty()) {
                for (VariantDerivation derivation : Derivations.ALL) {
                    derivation.derive(d).ifPresent(v -> {
                        if (!statesVariant(d.idstr(), d.version(), v.variant())) {
                            out.add(v);
                        }
                    });
                }
            }
            r.derived = List.copyOf(out);
        }
        return r.derived;
    }

    private boolean statesVariant(String idstr, int version, String variant) {
        for (Registration r : byKey.getOrDefault(idstr, List.of())) {
            DeviceLayout v = r.layout();
            if (v.version() == version && v.variant().equals(variant)) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<DeviceLayout> list, String idstr, DeviceLayout d) {
        for (DeviceLayout other : list) {
            if (other.version() == d.version() && other.variant().equals(d.variant())) {
                throw new IllegalStateException("two layouts for " + idstr + " v" + d.version()
                        + (d.variant().isEmpty() ? "" : " (" + d.variant() + ")") + ": "
                        + other.getClass().getName() + " and " + d.getClass().getName());
            }
        }
        list.add(d);
    }

    /** The primary and the alternative layouts of one idstr, each list lowest version first. */
    private record Group(List<DeviceLayout> primaries, List<DeviceLayout> variants) {
    }

    /** One layout class: the keys it is found under, and the layout, made on first use (under the catalogue's lock). */
    private static final class Registration {
        final List<String> keys;
        private final Supplier<DeviceLayout> maker;
        private DeviceLayout layout;
        List<DeviceLayout> derived;

        Registration(DeviceLayout layout) {
            this.layout = layout;
            this.maker = () -> layout;
            this.keys = keysOf(layout);
        }

        Registration(List<String> keys, Supplier<DeviceLayout> maker) {
            this.keys = List.copyOf(keys);
            this.maker = maker;
        }

        DeviceLayout layout() {
            if (layout == null) {
                layout = maker.get();
            }
            return layout;
        }

        static List<String> keysOf(DeviceLayout d) {
            Set<String> keys = new LinkedHashSet<>();
            keys.add(d.idstr());
            keys.addAll(d.aliases());
            return List.copyOf(keys);
        }
    }

    /**
     * The registrations of the services files, in {@link ServiceLoader}'s order, each with the idstr and aliases
     * its line states after {@code #} (a test holds them to the class's own). The provider loads its class but
     * neither initialises nor makes it: that waits for a lookup of one of its keys.
     */
    private static List<Registration> registrations(ClassLoader loader) {
        Map<String, List<String>> stated = statedKeys(loader);
        List<Registration> out = new ArrayList<>();
        ServiceLoader.load(DeviceLayout.class, loader).stream().forEach(p -> {
            List<String> keys = stated.getOrDefault(p.type().getName(), List.of());
            out.add(keys.isEmpty() ? new Registration(p.get()) : new Registration(keys, p::get));
        });
        return out;
    }

    /** Class name to the keys after its {@code #}, from every services file on the class path. */
    private static Map<String, List<String>> statedKeys(ClassLoader loader) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try {
            Enumeration<URL> files = loader.getResources(SERVICES);
            while (files.hasMoreElements()) {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(files.nextElement().openStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        int hash = line.indexOf('#');
                        String name = (hash < 0 ? line : line.substring(0, hash)).trim();
                        if (!name.isEmpty() && hash >= 0) {
                            out.putIfAbsent(name, keys(line.substring(hash + 1)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SERVICES, e);
        }
        return out;
    }

    /** The keys of a services line's comment: {@code idstr | alias | ...}. */
    static List<String> keys(String comment) {
        List<String> keys = new ArrayList<>();
        for (String key : comment.split("\\|")) {
            if (!key.isBlank()) {
                keys.add(key.trim());
            }
        }
        return keys;
    }

    private static final class Derivations {
        static final List<VariantDerivation> ALL = ServiceLoader.load(VariantDerivation.class,
                DeviceCatalog.class.getClassLoader()).stream().map(ServiceLoader.Provider::get).toList();
    }

    private static final class Holder {
        static final DeviceCatalog STANDARD = new DeviceCatalog(registrations(DeviceCatalog.class.getClassLoader()));
    }
}
