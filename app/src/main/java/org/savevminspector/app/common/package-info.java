/**
 * What both front ends share and nothing else: the tool's version ({@link org.savevminspector.app.common.AppVersion})
 * and the few words that say why a file operation failed ({@link org.savevminspector.app.common.IoReason}). A leaf:
 * it imports nothing of {@code app}, so {@code app}, {@code app.cli} and {@code app.gui} can all use it without a
 * cycle (enforced by {@code PackageCyclesArchTest}).
 */
package org.savevminspector.app.common;
