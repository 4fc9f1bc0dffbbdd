package org.savevminspector.container;

import java.util.List;
import org.savevminspector.model.Field;
import org.savevminspector.model.Span;

/**
 * One record of a save image as the walk found it: a signature, a header, a libxc chunk, a run of page data,
 * a v2 record, the device-model record. Offsets are absolute in the image.
 *
 * @param type   stable JSON name of the record's kind ({@code signature}, {@code xl-header},
 *               {@code libxc-chunk}, {@code page-data}, {@code hvm-tail}, {@code libxl-record},
 *               {@code libxc-record}, {@code xenserver-record}, {@code qemu-record}, …)
 * @param name   human name, e.g. {@code TSC_INFO} or {@code EMULATOR_CONTEXT}
 * @param span   the bytes of the record (header and body, padding included)
 * @param fields the header fields, decoded (never page contents)
 * @param pages  for page data: what the batches hold; {@code null} for other records
 */
public record ContainerRecord(String type, String name, Span span, List<Field> fields, PageRun pages) {

    public ContainerRecord {
        fields = List.copyOf(fields);
    }
}
