/**
 * A structural comparison being looked at, without any view: two {@link org.savevminspector.app.gui.session.ViewSession}s
 * and the {@link org.savevminspector.diff.DiffResult} between their files ({@link CompareSession}), the rows of the
 * comparison list ({@link DiffRow}, {@link DiffOutline}), the bytes each side shows as differing
 * ({@link DiffBytes}) and where a selection on one side has its partner on the other ({@link Partners}). Above
 * {@code gui.session}; no view and no scene graph, only observable properties (enforced by
 * {@code PackageCyclesArchTest}).
 */
package org.savevminspector.app.gui.compare;
