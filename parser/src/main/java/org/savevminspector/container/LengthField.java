package org.savevminspector.container;

/**
 * A length field that encloses the QEVM bytes and must change with them (FORMAT.md D.7).
 *
 * @param offset    absolute offset of the field
 * @param width     4 or 8 bytes
 * @param bigEndian byte order of the field
 * @param bias      value of the field minus the QEVM length (8 for an {@code EMULATOR_CONTEXT} body_length,
 *                  which counts the emulator sub-header; 0 otherwise)
 * @param name      what the field is, for messages
 */
public record LengthField(long offset, int width, boolean bigEndian, long bias, String name) {

    /** The field's bytes for a QEVM stream of {@code qevmLength} bytes. */
    public byte[] encode(long qevmLength) {
        long v = qevmLength + bias;
        byte[] out = new byte[width];
        for (int i = 0; i < width; i++) {
            int shift = 8 * (bigEndian ? width - 1 - i : i);
            out[i] = (byte) (v >>> shift);
        }
        return out;
    }
}
