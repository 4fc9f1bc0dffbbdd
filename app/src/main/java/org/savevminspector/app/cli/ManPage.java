package org.savevminspector.app.cli;

import java.io.PrintWriter;
import java.util.List;
import org.savevminspector.app.common.AppVersion;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code savevm-inspector(1)} in troff ({@code man(7)} macros), written from the picocli model of the commands:
 * every command, parameter and option with the description the {@code --help} output gives, so that the page
 * never drifts from the program. The package build writes it ({@link Docs}); picocli-codegen's generator would
 * need Asciidoctor (a Ruby toolchain) to get from its AsciiDoc to troff.
 */
final class ManPage {
    private ManPage() {
    }

    static void write(CommandLine root, String date, PrintWriter out) {
        CommandSpec spec = root.getCommandSpec();
        String version = AppVersion.version();
        out.println(".\\\" Generated from the picocli model by org.savevminspector.app.cli.ManPage; do not edit.");
        out.println(".TH SAVEVM\\-INSPECTOR 1 \"" + date + "\" \"savevm-inspector " + version
                + "\" \"User Commands\"");
        out.println(".SH NAME");
        out.println("savevm\\-inspector \\- " + text(spec.usageMessage().description()[0]));
        out.println(".SH SYNOPSIS");
        out.println(".B savevm\\-inspector");
        out.println("[\\fIFILE\\fR]");
        for (CommandLine sub : root.getSubcommands().values()) {
            if (sub.getCommandName().equals("help")) {
                continue;
            }
            out.println(".br");
            out.println(".B savevm\\-inspector " + sub.getCommandName());
            out.println(synopsis(sub.getCommandSpec()));
        }
        out.println(".SH DESCRIPTION");
        for (String line : spec.usageMessage().description()) {
            out.println(text(line));
            out.println(".PP");
        }
        out.println("Without a command, or with just a file, the graphical viewer starts and opens the file (the "
                + "bundled sample when none is given). With a command, it is a command\\-line tool that never "
                + "needs a display.");
        out.println(".PP");
        out.println("Every input may be compressed (gzip, xz, zstd, bzip2: recognised by content), a VHD (fixed, "
                + "dynamic or differencing: a XenServer suspend VDI), a pipe, standard input (\\fB\\-\\fR) or a "
                + "block device. Offsets in reports are those of the decompressed data or the virtual disk.");
        out.println(".SH COMMANDS");
        for (CommandLine sub : root.getSubcommands().values()) {
            CommandSpec s = sub.getCommandSpec();
            out.println(".SS " + text(sub.getCommandName()));
            for (String line : s.usageMessage().description()) {
                out.println(text(line));
                out.println(".PP");
            }
            for (PositionalParamSpec p : s.positionalParameters()) {
                if (p.hidden()) {
                    continue;
                }
                out.println(".TP");
                out.println("\\fI" + text(p.paramLabel()) + "\\fR");
                out.println(text(String.join(" ", p.description())));
            }
            for (OptionSpec o : s.options()) {
                if (o.hidden()) {
                    continue;
                }
                out.println(".TP");
                out.println(optionHead(o));
                out.println(text(String.join(" ", o.description())));
            }
        }
        out.println(".SH EXIT STATUS");
        out.println("0: success (for \\fBcheck\\fR: nothing at or above the threshold; for \\fBdiff\\fR: no "
                + "differences). 1: findings (\\fBcheck\\fR), a refused repair, differences (\\fBdiff\\fR). 2: a "
                + "usage error, a file that cannot be read or written, or a failure of the tool. 130 and 143: "
                + "interrupted by SIGINT or SIGTERM, after every temporary file was removed.");
        out.println(".SH SEE ALSO");
        out.println("The README and docs/FORMAT.md of the SaveVM Inspector sources: the byte\\-level format, with "
                + "the upstream source of every fact.");
        out.flush();
    }

    private static String synopsis(CommandSpec s) {
        StringBuilder b = new StringBuilder();
        for (OptionSpec o : s.options()) {
            if (o.hidden() || o.usageHelp() || o.versionHelp()) {
                continue;
            }
            String name = o.longestName();
            b.append(o.required() ? "" : "[").append("\\fB").append(text(name)).append("\\fR");
            if (o.arity().max() > 0) {
                b.append(" \\fI").append(text(o.paramLabel())).append("\\fR");
            }
            b.append(o.required() ? "" : "]").append(' ');
        }
        for (PositionalParamSpec p : s.positionalParameters()) {
            b.append("\\fI").append(text(p.paramLabel())).append("\\fR").append(p.arity().max() > 1 ? "... " : " ");
        }
        return b.toString().strip();
    }

    private static String optionHead(OptionSpec o) {
        StringBuilder b = new StringBuilder();
        List<String> names = List.of(o.names());
        for (int i = 0; i < names.size(); i++) {
            b.append(i == 0 ? "" : ", ").append("\\fB").append(text(names.get(i))).append("\\fR");
        }
        if (o.arity().max() > 0) {
            b.append(" \\fI").append(text(((ArgSpec) o).paramLabel())).append("\\fR");
        }
        return b.toString();
    }

    /**
     * Text as troff reads it: backslashes escaped, hyphens as minus signs, characters beyond ASCII as their
     * Unicode escapes ({@code ×} is {@code \[u00D7]}: groff reads its input as Latin-1), no line starting a
     * request.
     */
    static String text(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c == '\\') {
                b.append("\\e");
            } else if (c == '-') {
                b.append("\\-");
            } else if (c > 0x7E) {
                b.append(String.format("\\[u%04X]", c));
            } else {
                b.append((char) c);
            }
        });
        String t = b.toString();
        if (t.startsWith(".") || t.startsWith("'")) {
            t = "\\&" + t;
        }
        return t.replace("\n", " ");
    }

    static String today() {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    }
}
