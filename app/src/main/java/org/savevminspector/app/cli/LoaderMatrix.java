package org.savevminspector.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.loader.LoaderProfile;
import org.savevminspector.loader.LoaderProfiles;
import org.savevminspector.loader.LoaderReport;
import org.savevminspector.report.PrintableText;
import org.savevminspector.stream.ParseResult;

/**
 * {@code check --all-loaders}: file × loader profile → OK / mis-read / rejected, from one shape walk per file and
 * one loader simulation per profile.
 */
final class LoaderMatrix {
    private final List<String> files = new ArrayList<>();
    private final List<List<LoaderReport>> rows = new ArrayList<>();

    /** Simulates every profile over a file already walked: one row of the matrix. */
    static List<LoaderReport> row(Inspector inspector, ByteSource src, ParseResult parse) {
        List<LoaderReport> row = new ArrayList<>();
        for (LoaderProfile p : LoaderProfiles.all()) {
            row.add(inspector.simulate(src, parse, p));
        }
        return row;
    }

    void add(String file, List<LoaderReport> row) {
        files.add(PrintableText.escape(file));
        rows.add(row);
    }

    boolean isEmpty() {
        return files.isEmpty();
    }

    void print(PrintWriter out) {
        int width = Math.max(4, files.stream().mapToInt(String::length).max().orElse(4));
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", "file"));
        List<Integer> widths = new ArrayList<>();
        for (LoaderProfile p : LoaderProfiles.all()) {
            int w = Math.max(p.name().length(), "rejected".length());
            widths.add(w);
            header.append("  ").append(String.format(Locale.ROOT, "%-" + w + "s", p.name()));
        }
        out.println("Loaders:");
        out.println(header.toString().stripTrailing());
        for (int i = 0; i < files.size(); i++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", files.get(i)));
            for (int j = 0; j < widths.size(); j++) {
                line.append("  ").append(String.format(Locale.ROOT, "%-" + widths.get(j) + "s",
                        rows.get(i).get(j).verdict().word()));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
