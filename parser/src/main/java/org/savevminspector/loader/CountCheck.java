package org.savevminspector.loader;

import java.util.function.LongPredicate;

/**
 * A test a load function makes on a value it just read, returning an error right after that value when the test
 * fails (docs/FORMAT.md B.6: {@code fdc} drive count, {@code uhci} port count, {@code vga} {@code is_vbe}).
 *
 * @param field       the field's name
 * @param offset      where it is, counted from the end of the PCI block (or from the body start when the version
 *                    has none), so that a v1 PCI block (260 bytes) shifts it as it shifts the real read
 * @param width       its size in bytes (big-endian)
 * @param accepts     values the load function goes on with
 * @param rule        the test in words, e.g. {@code N must be 2}
 */
record CountCheck(String field, long offset, int width, LongPredicate accepts, String rule) {
}
