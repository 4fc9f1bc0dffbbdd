package org.savevminspector.app.gui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import org.savevminspector.report.PrintableText;

/**
 * Read-only text columns, as the viewer's tables (diagnostics, loader reads and ports, repair edits) use them; text
 * from the file (an idstr, a message quoting one) is shown escaped, as the CLI prints it.
 */
final class Columns {
    private Columns() {
    }

    /** A column showing {@code text} of each row's item. */
    static <T> TableColumn<T, String> text(String title, double width, Function<T, String> text) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(p -> new ReadOnlyStringWrapper(PrintableText.escape(text.apply(p.getValue()))));
        return c;
    }
}
