package org.savevminspector.app.gui.model;

/**
 * One line of the detail panel: a label and its text, with a style ({@code ""}, or a severity name such as
 * {@code error}, or {@code explanation} for running prose).
 */
public record DetailLine(String label, String text, String style) {
}
