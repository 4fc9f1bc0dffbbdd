package org.savevminspector.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.savevminspector.io.ArrayByteSource;
import org.savevminspector.model.Field;

/**
 * A body decoded at a non-zero file offset ({@link #AT}) with junk around it, so that tests check absolute spans
 * and that a layout reads neither before nor after its body.
 */
public record Decoded(DeviceLayout device, List<Field> fields, long measured, int bodyLength) {

    /** Where the tests place the body in the file. */
    public static final int AT = 1000;

    public static Decoded of(DeviceLayout device, byte[] body) {
        byte[] file = new byte[AT + body.length + 64];
        java.util.Arrays.fill(file, (byte) 0xEE);
        System.arraycopy(body, 0, file, AT, body.length);
        ArrayByteSource src = new ArrayByteSource(file);
        List<Field> fields = device.layout().decode(src, AT, AT + body.length);
        long measured = device.layout().measure(src, AT, AT + body.length);
        return new Decoded(device, fields, measured, body.length);
    }

    /** Asserts that the decoded fields tile the body exactly and that measure() agrees. */
    public Decoded coversWholeBody() {
        assertEquals(bodyLength, measured, device + ": measure()");
        long pos = AT;
        for (Field f : fields) {
            assertEquals(pos, f.span().offset(), device + ": field " + f.name() + " starts where the previous ended");
            pos = f.span().end();
        }
        assertEquals(AT + bodyLength, pos, device + ": decoded fields end at the body end");
        return this;
    }

    /** The field at a path of names, e.g. {@code get("pci.config", "vendor_id")} or {@code get("drive", "drive[2]", "select")}. */
    public Field get(String... path) {
        List<Field> level = fields;
        Field found = null;
        for (String name : path) {
            found = null;
            for (Field f : level) {
                if (f.name().equals(name)) {
                    found = f;
                    break;
                }
            }
            if (found == null) {
                fail(device + ": no field " + String.join("/", path) + " (missing " + name + " among "
                        + level.stream().map(Field::name).toList() + ")");
            }
            level = found.children();
        }
        assertNotNull(found);
        return found;
    }

    public boolean has(String name) {
        return fields.stream().anyMatch(f -> f.name().equals(name));
    }

    /** Asserts a field's body offset, length and (for scalars) value. */
    public Field at(long bodyOffset, long length, long value, String... path) {
        Field f = get(path);
        assertEquals(AT + bodyOffset, f.span().offset(), String.join("/", path) + " offset");
        assertEquals(length, f.span().length(), String.join("/", path) + " length");
        if (f.isScalar()) {
            assertEquals(value, f.value(), String.join("/", path) + " value");
        }
        return f;
    }

    /** As {@link #at} for a byte run or group, without a value. */
    public Field span(long bodyOffset, long length, String... path) {
        Field f = get(path);
        assertEquals(AT + bodyOffset, f.span().offset(), String.join("/", path) + " offset");
        assertEquals(length, f.span().length(), String.join("/", path) + " length");
        return f;
    }
}
