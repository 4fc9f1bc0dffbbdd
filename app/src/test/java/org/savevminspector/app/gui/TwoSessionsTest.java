package org.savevminspector.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.savevminspector.app.gui.model.Anomalies;
import org.savevminspector.app.gui.model.StructureNode;
import org.savevminspector.app.gui.model.StructureTree;
import org.savevminspector.app.gui.session.Document;
import org.savevminspector.app.gui.session.Navigator;
import org.savevminspector.app.gui.session.ProblemSteps;
import org.savevminspector.app.gui.session.Selection;
import org.savevminspector.app.gui.session.ViewSession;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.inspect.Inspection;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.io.ByteSource;
import org.savevminspector.loader.LoaderProfiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two sessions in one window, each with its own tree and hex pane (what a structural comparison shows): clicking,
 * typing and stepping in one never moves the other.
 */
@GuiTest
class TwoSessionsTest {
    private final ViewSession left = new ViewSession();
    private final ViewSession right = new ViewSession();
    private SessionPane leftPane;
    private SessionPane rightPane;

    @Start
    void start(Stage stage) {
        leftPane = new SessionPane(SessionActions.of(left, why -> { }));
        rightPane = new SessionPane(SessionActions.of(right, why -> { }));
        // one above the other: two panes' columns side by side would not fit the test's virtual screen
        SplitPane both = new SplitPane(leftPane, rightPane);
        both.setOrientation(Orientation.VERTICAL);
        Scene scene = new Scene(both, 1500, 940);
        Themes.apply(scene, false);
        stage.setScene(scene);
        GuiHarness.place(stage);
    }

    private static Document document(String name, byte[] bytes) {
        Inspection in = Inspector.standard().inspect(ByteSource.of(bytes));
        return new Document(Path.of(name), name, false, in, new StructureTree(in), Anomalies.of(in), ByteSource.of(bytes));
    }

    /** What one side shows: its session's selection, its tree's selected node, its hex pane's caret and range. */
    private record Side(Selection selection, StructureNode treeNode, long caret, long start, long length) {
        static Side of(ViewSession s, SessionPane p) {
            return new Side(s.selection(), p.tree.selectedNode(), p.hex().cursor(),
                    p.hex().selectionStartProperty().get(), p.hex().selectionLengthProperty().get());
        }
    }

    private Side side(FxRobot robot, ViewSession s, SessionPane p) {
        Side[] out = new Side[1];
        robot.interact(() -> out[0] = Side.of(s, p));
        return out[0];
    }

    @Test
    void selectingInOneSessionNeverMovesTheOther(FxRobot robot) {
        robot.interact(() -> {
            left.open(document("sample.qevm", Fixtures.sample()));
            right.open(document("xs62.qevm", Fixtures.xenServer62().bytes()));
            new ProblemSteps(right).showFirst();
        });
        Side rightBefore = side(robot, right, rightPane);
        assertNotNull(rightBefore.selection().problem(), "the right side shows its first problem");
        Side leftBefore = side(robot, left, leftPane);
        assertSame(Selection.NONE, leftBefore.selection());

        // a click on a tree row on the left
        robot.clickOn(GuiHarness.treeRow(robot, leftPane, "gpe"));
        WaitForAsyncUtils.waitForFxEvents();
        Side leftNow = side(robot, left, leftPane);
        assertEquals("gpe", leftNow.selection().node().name());
        assertEquals("gpe", leftNow.treeNode().name());
        assertEquals(7032, leftNow.caret());
        assertEquals(rightBefore, side(robot, right, rightPane), "the right side did not move");

        // a click on a byte on the right, then an arrow key there
        Point2D p = GuiHarness.hexPoint(robot, rightPane, 0x40);
        robot.clickOn(p);
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        Side rightNow = side(robot, right, rightPane);
        assertEquals(0x41, rightNow.caret());
        assertEquals(0x41, rightNow.selection().caret());
        assertNull(rightNow.selection().problem());
        assertEquals(leftNow, side(robot, left, leftPane), "the left side did not move");

        // stepping and going to an offset on the left
        robot.interact(() -> {
            new Navigator(left).nextSection();
            new ProblemSteps(left).next();
        });
        Side leftStepped = side(robot, left, leftPane);
        assertEquals(7230, leftStepped.caret());
        assertEquals("version_id", leftStepped.treeNode().name());
        assertEquals(rightNow, side(robot, right, rightPane), "the right side did not move");

        // and re-simulating one side with another loader leaves the other's document alone
        Document rightDoc = right.document();
        robot.interact(() -> left.useLoader(LoaderProfiles.find("xenserver-6.0-6.2").orElseThrow()));
        assertEquals("xenserver-6.0-6.2", left.document().inspection().loader().profile());
        assertSame(rightDoc, right.document());
        assertEquals(rightNow, side(robot, right, rightPane));
    }
}
