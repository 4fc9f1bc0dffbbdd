package org.savevminspector.app.gui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.savevminspector.app.gui.model.DetailLine;
import org.savevminspector.report.PrintableText;

/**
 * Label/value lines with severity colours, in a read-only RichTextFX area: the detail tab's problems and
 * explanation, the repair dialog's result. A line's style is one or more words ({@code heading error}), each
 * the style class {@code detail-<word>}.
 */
class DetailPane extends VirtualizedScrollPane<StyleClassedTextArea> {

    DetailPane() {
        super(new StyleClassedTextArea());
        StyleClassedTextArea area = getContent();
        area.setId("detailText");
        area.setEditable(false);
        area.setWrapText(true);
        area.getStyleClass().add("detail-pane");
    }

    void show(List<DetailLine> lines) {
        StyleClassedTextArea area = getContent();
        area.clear();
        for (DetailLine l : lines) {
            if (!l.label().isEmpty()) {
                append(area, l.label() + ": ", List.of("detail-label"));
            }
            List<String> style = new ArrayList<>(List.of("detail-text"));
            for (String word : l.style().split(" ")) {
                if (!word.isEmpty()) {
                    style.add("detail-" + word);
                }
            }
            append(area, PrintableText.escape(l.text()) + "\n", style);
        }
        area.moveTo(0);
        area.requestFollowCaret();
    }

    private static void append(StyleClassedTextArea area, String text, Collection<String> style) {
        int start = area.getLength();
        area.appendText(text);
        area.setStyle(start, area.getLength(), style);
    }

    String text() {
        return getContent().getText();
    }
}
