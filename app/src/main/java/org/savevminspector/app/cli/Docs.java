package org.savevminspector.app.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * What the package build installs beside the program, written from the same picocli model as {@code --help}:
 * {@code man} prints {@code savevm-inspector(1)} ({@link ManPage}), {@code bash-completion} the bash completion
 * script (picocli's {@link AutoComplete}). Both go to standard output:
 * {@code java -cp app.jar org.savevminspector.app.cli.Docs man > savevm-inspector.1}.
 */
public final class Docs {
    private Docs() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        CommandLine cli = Cli.commandLine(new PrintWriter(System.out), new PrintWriter(System.err));
        String what = args.length > 0 ? args[0] : "";
        switch (what) {
            case "man" -> ManPage.write(cli, args.length > 1 ? args[1] : ManPage.today(), out);
            case "bash-completion" -> out.print(AutoComplete.bash(Cli.NAME, cli));
            default -> {
                System.err.println("usage: Docs man [DATE] | bash-completion");
                System.exit(2);
            }
        }
        out.flush();
    }
}
