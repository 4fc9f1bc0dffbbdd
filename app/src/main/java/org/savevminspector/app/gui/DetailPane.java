package org.savevminspector.app.gui;

import java.util.Collection;
import java.util.List;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.savevminspector.app.gui.model.DetailLine;

/** The field detail panel: label/value lines with severity colours, in a read-only RichTextFX area. */
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
            append(area, l.text() + "\n", l.style().isEmpty() ? List.of("detail-text") : List.of("detail-text", "detail-" + l.style()));
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
