package org.savevminspector.inspect;

import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.diagnostics.DiagnosticList;
import org.savevminspector.io.ByteSource;
import org.savevminspector.io.ParseOptions;
import org.savevminspector.loader.LoaderProfile;
import org.savevminspector.loader.LoaderProfiles;
import org.savevminspector.loader.LoaderReport;
import org.savevminspector.loader.LoaderSimulator;
import org.savevminspector.stream.ParseResult;
import org.savevminspector.stream.SavevmParser;

/** The one entry point for "tell me everything about these bytes": shape walk, then loader simulation. */
public final class Inspector {
    private final SavevmParser parser;
    private final LoaderSimulator simulator;

    public Inspector(DeviceCatalog catalog) {
        this.parser = new SavevmParser(catalog);
        this.simulator = new LoaderSimulator(catalog);
    }

    public static Inspector standard() {
        return new Inspector(DeviceCatalog.standard());
    }

    public Inspection inspect(ByteSource src) {
        return inspect(src, ParseOptions.DEFAULT);
    }

    /**
     * @throws java.util.concurrent.CancellationException when {@code options} says so
     * @throws java.io.UncheckedIOException when the bytes cannot be read
     */
    public Inspection inspect(ByteSource src, ParseOptions options) {
        return inspect(src, options, LoaderProfiles.upstream());
    }

    /**
     * {@code in} with the loader simulation of {@code profile} instead of its own, over the same shape walk (no
     * second parse): the parse diagnostics stay, the loader's are replaced.
     */
    public Inspection withLoader(Inspection in, ByteSource src, LoaderProfile profile) {
        LoaderSimulator.Result sim = simulator.simulate(src, in.parse(), profile);
        return new Inspection(in.parse(), sim.report(), DiagnosticList.merge(DiagnosticList.Order.GRAVEST_FIRST,
                in.parse().diagnostics(), sim.diagnostics()));
    }

    /** Only the loader simulation of {@code profile}, over a shape walk already made of the same bytes. */
    public LoaderReport simulate(ByteSource src, ParseResult parse, LoaderProfile profile) {
        return simulator.simulate(src, parse, profile).report();
    }

    /** The same, with the loader simulation of {@code profile} instead of upstream's. */
    public Inspection inspect(ByteSource src, ParseOptions options, LoaderProfile profile) {
        ParseResult parse = parser.parse(src, options);
        LoaderSimulator.Result sim = simulator.simulate(src, parse, profile);
        // a loader reads zeros past the end; what it does there is said at the end of the data
        DiagnosticList loader = DiagnosticList.of(sim.diagnostics()).anchoredWithin(src.size());
        return new Inspection(parse, sim.report(), DiagnosticList.merge(DiagnosticList.Order.GRAVEST_FIRST,
                parse.diagnostics(), loader));
    }
}
