package org.savevminspector.loader;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The loader profiles the tool knows, in the order they are shown. Adding one = one class and one entry here. */
public final class LoaderProfiles {
    private static final List<LoaderProfile> ALL = List.of(UpstreamProfile.PROFILE, Xen40Profile.PROFILE,
            XenServer60Profile.PROFILE, XenServer65Profile.PROFILE);

    private LoaderProfiles() {
    }

    /** {@code upstream}: the default everywhere. */
    public static LoaderProfile upstream() {
        return UpstreamProfile.PROFILE;
    }

    public static List<LoaderProfile> all() {
        return ALL;
    }

    public static Optional<LoaderProfile> find(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The profile of that name, or an exception naming the valid ones (for option parsers). */
    public static LoaderProfile byName(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown loader profile '" + name
                + "' (expected one of: " + names() + ")"));
    }

    public static String names() {
        return ALL.stream().map(LoaderProfile::name).collect(Collectors.joining(", "));
    }
}
