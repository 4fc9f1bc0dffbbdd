/**
 * Structural comparison of two savevm files or save images: sections paired by device (canonical idstr, then
 * instance, then order of appearance), fields paired by path, undecoded bytes and large arrays compared by content,
 * an ignore list and the volatile set as data, the file header, EOF marker, trailing bytes, container records and
 * loader outcomes compared too. Above {@code inspect} and {@code container}: nothing below imports this package;
 * {@code report} renders its {@link org.savevminspector.diff.DiffResult}.
 */
package org.savevminspector.diff;
