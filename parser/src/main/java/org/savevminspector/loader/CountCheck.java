package org.savevminspector.loader;

import java.util.function.LongPredicate;
import org.savevminspector.devices.known.DeviceDescriptor;
import org.savevminspector.devices.known.KnownDevices;

/**
 * A test a load function makes on a value it just read, returning an error right after that value when the test
 * fails (docs/FORMAT.md B.6: {@code fdc} drive count, {@code uhci} port count, {@code vga} {@code is_vbe}).
 *
 * @param field       the field's name
 * @param offset      where it is, counted from the end of the PCI block (or from the body start when the version
 *                    has none), so that a v1 PCI block (260 bytes) shifts it as it shifts the real read; from the
 *                    device's descriptor ({@link DeviceDescriptor.CountField}), never written by hand
 * @param width       its size in bytes (big-endian), from the same place
 * @param accepts     values the load function goes on with
 * @param rule        the test in words, e.g. {@code N must be 2}
 */
record CountCheck(String field, long offset, int width, LongPredicate accepts, String rule) {

    /** The test on {@code idstr}'s count field {@code field}, placed where the device's layout has it. */
    static CountCheck of(String idstr, String field, LongPredicate accepts, String rule) {
        DeviceDescriptor.CountField f = KnownDevices.standard().get(idstr).count(field).orElseThrow(
                () -> new IllegalStateException(idstr + " has no count field " + field));
        return new CountCheck(field, f.offset(), f.width(), accepts, rule);
    }
}
