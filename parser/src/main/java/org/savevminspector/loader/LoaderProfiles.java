package org.savevminspector.loader;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The loader profiles the tool knows, in the order they are shown. Adding one = one class and one entry here. Each
 * is built when first asked for: {@link #upstream()}, all that a default {@code check} or {@code inspect} needs,
 * reaches the layouts of three devices; the others reach those of every device with XenServer or Xen 4.0 facts.
 */
public final class LoaderProfiles {

    private LoaderProfiles() {
    }

    /** {@code upstream}: the default everywhere. */
    public static LoaderProfile upstream() {
        return UpstreamProfile.PROFILE;
    }

    public static List<LoaderProfile> all() {
        return All.ALL;
    }

    public static Optional<LoaderProfile> find(String name) {
        return All.ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The profile of that name, or an exception naming the valid ones (for option parsers). */
    public static LoaderProfile byName(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown loader profile '" + name
                + "' (expected one of: " + names() + ")"));
    }

    public static String names() {
        return All.ALL.stream().map(LoaderProfile::name).collect(Collectors.joining(", "));
    }

    private static final class All {
        static final List<LoaderProfile> ALL = List.of(UpstreamProfile.PROFILE, Xen40Profile.PROFILE,
                XenServer60Profile.PROFILE, XenServer65Profile.PROFILE);
    }
}
