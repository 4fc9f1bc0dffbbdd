package org.savevminspector.app.gui;

import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.savevminspector.app.gui.session.ViewSession;

/**
 * The tabs under the tree and hex pane, all about a session's file: Detail (shown at start, and again whenever
 * another file opens, whatever tab was showing: a file opens on its gravest problem, which Detail explains),
 * Diagnostics, Data inspector, Loader, Container and Bookmarks, each made when first shown (or first asked for) and
 * from then on following the session by itself.
 */
final class InfoTabs extends TabPane {
    final SelectionDetail detail;
    private final Tab detailTab = new Tab("Detail");
    private final Tab diagnosticsTab = new Tab("Diagnostics");
    private final Tab dataTab = new Tab("Data inspector");
    private final Tab loaderTab = new Tab("Loader");
    private final Tab containerTab = new Tab("Container");
    private final Tab bookmarksTab = new Tab("Bookmarks");
    private final Lazy<DiagnosticsTable> diagnostics;
    private final Lazy<DataInspectorTable> data;
    private final Lazy<LoaderPane> loader;
    private final Lazy<ContainerPane> container;
    private final Lazy<BookmarksTable> bookmarks;
    private final double loaderSplit;

    /**
     * {@code openEmbedded}: what the Container tab's "Open embedded stream at offset N" does; {@code loaderSplit}:
     * the Loader tab's divider as remembered (NaN: its default).
     */
    InfoTabs(SessionActions actions, LongConsumer openEmbedded, double loaderSplit) {
        ViewSession session = actions.session();
        this.loaderSplit = loaderSplit;
        detail = new SelectionDetail(session);
        detailTab.setContent(detail);
        diagnostics = lazy(diagnosticsTab, () -> new DiagnosticsTable(session, actions.problems()));
        data = lazy(dataTab, () -> new DataInspectorTable(session));
        loader = lazy(loaderTab, () -> new LoaderPane(session, actions.navigate(), loaderSplit));
        container = lazy(containerTab, () -> new ContainerPane(session, actions.navigate(), openEmbedded));
        bookmarks = lazy(bookmarksTab, () -> new BookmarksTable(session, actions.bookmarks()));
        getTabs().setAll(detailTab, diagnosticsTab, dataTab, loaderTab, containerTab, bookmarksTab);
        setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setId("bottomTabs");
        session.documentProperty().addListener((o, was, now) -> {
            if (now != null && !now.sameFile(was)) {
                showDetail();
            }
        });
    }

    /** A tab whose content is made by {@code make} when the tab is first selected (or the content asked for). */
    private static <T extends Node> Lazy<T> lazy(Tab tab, Supplier<T> make) {
        Lazy<T> content = new Lazy<>(() -> {
            T t = make.get();
            tab.setContent(t);
            return t;
        });
        tab.selectedProperty().addListener((o, was, is) -> {
            if (is) {
                content.get();
            }
        });
        return content;
    }

    DiagnosticsTable diagnostics() {
        return diagnostics.get();
    }

    DataInspectorTable data() {
        return data.get();
    }

    LoaderPane loader() {
        return loader.get();
    }

    ContainerPane container() {
        return container.get();
    }

    BookmarksTable bookmarks() {
        return bookmarks.get();
    }

    /** The Loader tab's divider, to remember: where the user left it, or as remembered when the tab was not shown. */
    double loaderSplit() {
        double[] at = new double[] {loaderSplit};
        loader.ifMade(l -> at[0] = l.splitPosition());
        return at[0];
    }

    void showBookmarks() {
        getSelectionModel().select(bookmarksTab);
    }

    void showDetail() {
        getSelectionModel().select(detailTab);
    }

    /** The Diagnostics tab, with the focus in its table. */
    void showDiagnostics() {
        getSelectionModel().select(diagnosticsTab);
        diagnostics().requestFocus();
    }

    void showData() {
        getSelectionModel().select(dataTab);
    }

    void showLoader() {
        getSelectionModel().select(loaderTab);
    }
}
