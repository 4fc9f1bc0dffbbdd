package org.savevminspector.app.gui;

import java.util.List;
import java.util.function.LongConsumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.savevminspector.app.gui.model.ContainerOutline;
import org.savevminspector.app.gui.model.ContainerOutline.Node;
import org.savevminspector.app.gui.model.OffsetFormat;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.app.gui.session.Navigator;
import org.savevminspector.app.gui.session.ViewSession;
import org.savevminspector.container.ContainerKind;
import org.savevminspector.io.ByteSource;
import org.savevminspector.report.PrintableText;

/**
 * The "Container" tab: the records of a save image around the QEVM stream, children created on first expand
 * (page batches are read only then), and the offer to open an embedded stream found by the fallback scan.
 */
final class ContainerPane extends BorderPane {
    private final TreeTableView<Node> table = new TreeTableView<>();
    private final Label empty = new Label("A bare QEVM stream: no container.");
    private final HBox offer = new HBox(8);
    private final LongConsumer openEmbedded;

    /** {@code openEmbedded} reopens the session's file at the offset of the stream found in it. */
    ContainerPane(ViewSession session, Navigator navigate, LongConsumer openEmbedded) {
        this.openEmbedded = openEmbedded;
        TreeTableColumn<Node, String> name = new TreeTableColumn<>("Record");
        name.setCellValueFactory(c -> new SimpleStringProperty(PrintableText.escape(c.getValue().getValue().label())));
        name.setPrefWidth(220);
        TreeTableColumn<Node, String> offset = new TreeTableColumn<>("Offset");
        offset.setCellValueFactory(c -> new SimpleStringProperty(
                OffsetFormat.hexAndDecimal(c.getValue().getValue().span().offset())));
        offset.setPrefWidth(170);
        TreeTableColumn<Node, String> length = new TreeTableColumn<>("Length");
        length.setCellValueFactory(c -> new SimpleStringProperty(
                Long.toString(c.getValue().getValue().span().length())));
        length.setPrefWidth(110);
        TreeTableColumn<Node, String> value = new TreeTableColumn<>("Value");
        value.setCellValueFactory(c -> new SimpleStringProperty(PrintableText.escape(c.getValue().getValue().value())));
        value.setPrefWidth(420);
        table.getColumns().setAll(List.of(name, offset, length, value));
        table.setShowRoot(false);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                navigate.goTo(now.getValue().span().offset());
            }
        });
        offer.setPadding(new Insets(4));
        setPadding(new Insets(2));
        // built when its tab is first shown: it starts from the session's document
        show(session.document());
        session.documentProperty().addListener((o, was, now) -> {
            if (now == null || !now.sameFile(was)) {
                show(now);
            }
        });
    }

    private void show(Document d) {
        show(d == null || d.container() == null ? null : new ContainerOutline(d.container()), d == null ? null : d.hexSource());
    }

    /** The "open embedded stream" button when one is offered (tests press it). */
    java.util.Optional<Button> offerButton() {
        return offer.getChildren().stream().filter(Button.class::isInstance).map(Button.class::cast).findFirst();
    }

    /** The records shown (top level), empty when the pane shows none. */
    List<Node> shownRoots() {
        return getCenter() == table && table.getRoot() != null
                ? table.getRoot().getChildren().stream().map(TreeItem::getValue).toList() : List.of();
    }

    /** Shows {@code outline} (or nothing); {@code src} is the FX thread's source (the hex pane's). */
    private void show(ContainerOutline outline, ByteSource src) {
        offer.getChildren().clear();
        setTop(null);
        if (outline == null || outline.index().kind() == null && outline.embeddedOffer() == null
                || outline.index().kind() == ContainerKind.RAW) {
            setCenter(empty);
            return;
        }
        String text = outline.embeddedOffer();
        if (text != null) {
            long at = outline.index().embedded().get(0);
            Button open = new Button("Open embedded stream at offset " + OffsetFormat.hexAndDecimal(at));
            open.setOnAction(e -> openEmbedded.accept(at));
            offer.getChildren().setAll(new Label(text), open);
            setTop(offer);
        }
        TreeItem<Node> root = new TreeItem<>();
        for (Node n : outline.roots()) {
            root.getChildren().add(item(outline, n, src));
        }
        table.setRoot(root);
        setCenter(table);
    }

    private static TreeItem<Node> item(ContainerOutline outline, Node n, ByteSource src) {
        TreeItem<Node> item = new TreeItem<>(n);
        if (n.hasChildren()) {
            item.getChildren().add(new TreeItem<>()); // placeholder: real children on first expand
            item.expandedProperty().addListener((o, was, now) -> {
                if (now && item.getChildren().size() == 1 && item.getChildren().get(0).getValue() == null) {
                    item.getChildren().clear();
                    for (Node c : outline.children(n, src)) {
                        item.getChildren().add(item(outline, c, src));
                    }
                }
            });
        }
        return item;
    }
}
