package org.savevminspector.app.cli;

import org.savevminspector.loader.LoaderProfile;
import org.savevminspector.loader.LoaderProfiles;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --loader PROFILE}: one of the profile names of the CLI contract; anything else is a usage error. */
final class LoaderProfileName implements ITypeConverter<LoaderProfile> {
    @Override
    public LoaderProfile convert(String value) {
        return LoaderProfiles.find(value).orElseThrow(() -> new TypeConversionException("unknown loader profile '"
                + value + "' (expected one of: " + LoaderProfiles.names() + ")"));
    }
}
